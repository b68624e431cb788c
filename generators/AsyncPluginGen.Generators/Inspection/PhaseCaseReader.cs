using System;
using System.Globalization;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// Reads one [Phase], [PhaseMapping] or [DefaultPhase] into a <see cref="PhaseCaseModel"/>, and reports (APG0015) a
/// phase outside TaskPhase, or failure settings on a phase that is not a failure.
/// </summary>
internal static class PhaseCaseReader
{
    private const int RetryableFailure = 7;
    private const int PermanentFailure = 8;

    /// <summary>The phase's index in <see cref="KnownNames.TaskPhases"/>, or null when the mapping is unusable.</summary>
    /// <param name="attribute">The mapping attribute.</param>
    /// <param name="phaseIndex">Which constructor argument is the TaskPhase.</param>
    /// <param name="what">How messages name the mapping, e.g. <c>[DefaultPhase]</c>.</param>
    /// <param name="problems">Receives APG0015.</param>
    public static int? Phase(AttributeData attribute, int phaseIndex, string what, Problems problems)
    {
        // A missing or erroneous argument is a compile error, which explains itself.
        if (attribute.ConstructorArguments.Length <= phaseIndex
            || attribute.ConstructorArguments[phaseIndex] is not { Kind: TypedConstantKind.Enum, Value: IConvertible raw })
        {
            return null;
        }

        var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
        var phase = raw.ToInt32(CultureInfo.InvariantCulture);
        if (phase < 0 || phase >= KnownNames.TaskPhases.Length)
        {
            problems.Report(ProblemIds.InvalidPhaseMapping, location,
                $"{what} names phase {phase}, which is not a TaskPhase member; the mapping is ignored, so use one of TaskPhase's members");
            return null;
        }

        // Code, Kind and Cleanup describe a failure; on any other phase the generated Status never uses them.
        if (phase is not (RetryableFailure or PermanentFailure))
        {
            var ignored = attribute.NamedArguments.Select(a => a.Key).Where(k => k is "Code" or "Kind" or "Cleanup").ToList();
            if (ignored.Count > 0)
            {
                problems.Report(ProblemIds.InvalidPhaseMapping, location,
                    $"{what} sets {string.Join(", ", ignored)}, which only apply to failure phases, but maps to TaskPhase.{KnownNames.TaskPhases[phase]}; remove them or map to a failure phase");
            }
        }

        return phase;
    }

    /// <summary>The mapping as the generator emits it; null when it is unusable (reported by <see cref="Phase"/>).</summary>
    /// <param name="state">The state it maps ("default" for [DefaultPhase]).</param>
    /// <param name="attribute">The mapping attribute.</param>
    /// <param name="phaseIndex">Which constructor argument is the TaskPhase.</param>
    /// <param name="defaultName">The code and reason when the author sets none.</param>
    /// <param name="what">How messages name the mapping.</param>
    /// <param name="problems">Receives APG0015.</param>
    public static PhaseCaseModel? Read(string state, AttributeData attribute, int phaseIndex, string defaultName, string what, Problems problems)
    {
        if (Phase(attribute, phaseIndex, what, problems) is not { } phase)
        {
            return null;
        }

        var reason = AttributeReader.NamedString(attribute, "Reason");
        var code = AttributeReader.NamedString(attribute, "Code");
        var kind = AttributeReader.NamedEnum(attribute, "Kind", 1);
        return new PhaseCaseModel(
            state,
            KnownNames.TaskPhases[phase],
            code is { Length: > 0 } ? code : defaultName,
            reason is { Length: > 0 } ? reason : defaultName,
            reason is { Length: > 0 },
            kind == 2,
            AttributeReader.Named(attribute, "Cleanup", false),
            code is { Length: > 0 });
    }
}
