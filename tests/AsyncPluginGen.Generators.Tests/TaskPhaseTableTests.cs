using AsyncPluginGen.Generators.Parsing;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// The generator names TaskPhase members by their value (an attribute argument is an integer to it) through its own
/// table; the emitted code then names them (<c>PhaseInfo.Running</c>, <c>TaskPhase.Queued</c>). The table must be the
/// runtime enum, member for member, or a mapping would silently mean another phase.
/// </summary>
public sealed class TaskPhaseTableTests
{
    [Fact]
    public void The_generators_phase_names_are_the_runtime_TaskPhase_members_in_value_order()
    {
        var runtime = Enum.GetValues<TaskPhase>().OrderBy(p => (int)p).ToList();

        Assert.Equal(Enumerable.Range(0, runtime.Count), runtime.Select(p => (int)p));
        Assert.Equal(runtime.Select(p => p.ToString()), KnownNames.TaskPhases);
    }
}
