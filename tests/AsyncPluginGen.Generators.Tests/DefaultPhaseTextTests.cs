using AsyncPluginGen.Generators.Tests.Infrastructure;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// A state no mapping names falls to [DefaultPhase] and keeps its own text, as a mapped state does: the state is the
/// reason of a non-failure phase and the error code of a failure, while [PhaseMessage] (when set) is the failure's
/// message. Before, with [PhaseMessage] the unmapped state's text was dropped (the code was always UnmappedState).
/// </summary>
public sealed class DefaultPhaseTextTests
{
    private const string StringStates = """
        using AsyncPluginGen;

        namespace Defaults;

        public sealed record Ref(string Id);
        public sealed class Job
        {
            [PhaseSource] public string? State { get; init; }
            [PhaseMessage] public string? Message { get; init; }
        }

        [AsyncPlugin("strings")]
        [PhaseMapping("FAILED", TaskPhase.PermanentFailure)]
        [DefaultPhase(TaskPhase.PermanentFailure)]
        public sealed partial class StringPlugin
        {
            public Ref Create(TaskContext task) => new(task.UniqueName);
            public Job Get(Ref job) => new();
            public void Delete(Ref job) { }
        }

        public sealed record EnumJob([property: PhaseSource] Kind? State, [property: PhaseMessage] string? Message);
        public enum Kind { [Phase(TaskPhase.Success)] Done, Lost, @class, Gone = Lost }

        [AsyncPlugin("enums")]
        [DefaultPhase(TaskPhase.RetryableFailure)]
        public sealed partial class EnumPlugin
        {
            public Ref Create(TaskContext task) => new(task.UniqueName);
            public EnumJob Get(Ref job) => new(Kind.Done, null);
            public void Delete(Ref job) { }
        }

        [AsyncPlugin("running")]
        [DefaultPhase(TaskPhase.Running)]
        public sealed partial class RunningPlugin
        {
            public Ref Create(TaskContext task) => new(task.UniqueName);
            public EnumJob Get(Ref job) => new(Kind.Done, null);
            public void Delete(Ref job) { }
        }
        """;

    [Theory]
    [InlineData("WEIRD", "it broke", "WEIRD", "it broke")]
    [InlineData("WEIRD", null, "WEIRD", "WEIRD")]
    [InlineData(null, "it broke", "UnmappedState", "it broke")]
    [InlineData(null, null, "UnmappedState", "UnmappedState")]
    [InlineData("FAILED", "it broke", "FAILED", "it broke")]
    public void An_unmapped_string_state_is_the_code_of_a_default_failure(string? state, string? message, string code, string errorMessage)
    {
        var loaded = LoadedPlugins.Load(StringStates);
        var plugin = loaded.Plugin<IAsyncPlugin>("strings");
        var resource = loaded.New("Defaults.Job");
        resource.GetType().GetProperty("State")!.SetValue(resource, state);
        resource.GetType().GetProperty("Message")!.SetValue(resource, message);

        var info = plugin.Status(LoadedPlugins.Task("strings"), loaded.New("Defaults.Ref", "r"), resource);

        Assert.Equal(TaskPhase.PermanentFailure, info.Phase);
        Assert.Equal(code, info.Error!.Value.Code);
        Assert.Equal(errorMessage, info.Error.Value.Message);
    }

    [Theory]
    [InlineData("Lost", "it broke", "Lost", "it broke")]
    [InlineData("Lost", null, "Lost", "Lost")]
    [InlineData("class", null, "class", "class")]
    [InlineData(null, "it broke", "UnmappedState", "it broke")]
    public void An_unmapped_enum_member_is_the_code_of_a_default_failure(string? member, string? message, string code, string errorMessage)
    {
        var loaded = LoadedPlugins.Load(StringStates);
        var plugin = loaded.Plugin<IAsyncPlugin>("enums");
        var kind = loaded.Assembly.GetType("Defaults.Kind")!;
        var resource = loaded.New("Defaults.EnumJob", member is null ? null : Enum.Parse(kind, member), message);

        var info = plugin.Status(LoadedPlugins.Task("enums"), loaded.New("Defaults.Ref", "r"), resource);

        Assert.Equal(TaskPhase.RetryableFailure, info.Phase);
        Assert.Equal(code, info.Error!.Value.Code);
        Assert.Equal(errorMessage, info.Error.Value.Message);
    }

    [Fact]
    public void An_unmapped_enum_member_is_the_reason_of_a_default_phase_and_costs_no_allocation()
    {
        var loaded = LoadedPlugins.Load(StringStates);
        var plugin = loaded.Plugin<IAsyncPlugin>("running");
        var kind = loaded.Assembly.GetType("Defaults.Kind")!;
        var resource = loaded.New("Defaults.EnumJob", Enum.Parse(kind, "Lost"), null);
        var task = LoadedPlugins.Task("running");
        var meta = loaded.New("Defaults.Ref", "r");

        var info = plugin.Status(task, meta, resource);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            info = plugin.Status(task, meta, resource);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(TaskPhase.Running, info.Phase);
        Assert.Equal("Lost", info.Reason);
    }
}
