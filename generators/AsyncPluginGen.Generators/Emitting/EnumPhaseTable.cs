using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// For an enum state whose mapped values are dense (a small range, mostly used), the phases that never depend on the
/// resource, precomputed in a static array indexed by the state's value: Status reads one element instead of jumping
/// through a <c>switch</c>, whose indirect branch a mix of states mispredicts. States whose phase carries the
/// resource's message (failures), unmapped states and values outside the range keep the <c>switch</c>.
/// </summary>
internal sealed class EnumPhaseTable
{
    /// <summary>The <c>file</c> class that holds the table, next to the plugin class in its generated file.</summary>
    public const string TypeName = "StatusPhaseTable";

    public const string FieldName = "Phases";

    /// <summary>The smallest range worth a table, and the largest: beyond it the array costs more than it saves.</summary>
    private const int MinCases = 4;
    private const int MaxLength = 256;

    private readonly EnumStatusModel _status;
    private readonly Dictionary<long, PhaseCaseModel> _byValue;

    private EnumPhaseTable(EnumStatusModel status, long min, int length)
    {
        _status = status;
        Min = min;
        Length = length;
        _byValue = new Dictionary<long, PhaseCaseModel>();
        for (var i = 0; i < status.Cases.Count; i++)
        {
            _byValue[status.CaseValues[i]] = status.Cases[i];
        }
    }

    public EnumStatusModel Status => _status;

    public long Min { get; }

    public int Length { get; }

    /// <summary>The table for <paramref name="status"/>, or null when a <c>switch</c> is the better shape.</summary>
    public static EnumPhaseTable? For(EnumStatusModel status)
    {
        // With [TaskInfoSource] every phase carries the resource's TaskInfo; a nullable state needs its null checked
        // first; and values that do not fit a long (or are missing) cannot index an array.
        if (status.InfoAccess is not null || status.StateType.EndsWith("?") || status.CaseValues.Count != status.Cases.Count || status.Cases.Count < MinCases)
        {
            return null;
        }

        var min = status.CaseValues.Min();
        var max = status.CaseValues.Max();
        var span = (decimal)max - min + 1;
        if (span > MaxLength || span > (2 * status.Cases.Count) + 8)
        {
            return null;
        }

        var table = new EnumPhaseTable(status, min, (int)span);
        return status.Cases.Any(table.IsConstant) ? table : null;
    }

    /// <summary>Whether the case's phase is the same for every resource: failures take the resource's message when it has one.</summary>
    public bool IsConstant(PhaseCaseModel phaseCase) =>
        _status.MessageAccess is null || phaseCase.Phase is not ("PermanentFailure" or "RetryableFailure");

    /// <summary>The case at <paramref name="index"/> (the state's value less <see cref="Min"/>), or null for a value no case maps.</summary>
    public PhaseCaseModel? At(int index) => _byValue.TryGetValue(Min + index, out var phaseCase) ? phaseCase : null;
}
