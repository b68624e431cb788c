using AsyncPluginGen.Generators.Tests.Infrastructure;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// A dense enum's constant phases come from a table indexed by the state's value; everything else (failures with the
/// resource's message, unmapped members, values no member has, values outside the range) still goes through the
/// <c>switch</c>, with the same results.
/// </summary>
public sealed class EnumPhaseTableTests
{
    private const string Sources = """
        using AsyncPluginGen;

        namespace Tables;

        public sealed record Ref(string Id);

        // From -2 to 5: negative values, a gap (3), an unmapped member, a failure that takes the message.
        public enum Wide
        {
            [Phase(TaskPhase.Queued)] Waiting = -2,
            [Phase(TaskPhase.Initializing)] Booting = -1,
            [Phase(TaskPhase.Running)] Working = 0,
            Mystery = 1,
            [Phase(TaskPhase.PermanentFailure)] Broken = 2,
            [Phase(TaskPhase.Success)] Done = 4,
            [Phase(TaskPhase.RetryableFailure, Reason = "flaky")] Flaky = 5,
        }

        public sealed record WideJob([property: PhaseSource] Wide State, [property: PhaseMessage] string? Message);

        [AsyncPlugin("wide")]
        [DefaultPhase(TaskPhase.Running)]
        public sealed partial class WidePlugin
        {
            public Ref Create(TaskContext task) => new(task.UniqueName);
            public WideJob Get(Ref job) => new(Wide.Working, null);
            public void Delete(Ref job) { }
        }

        public enum Small : byte
        {
            [Phase(TaskPhase.Queued)] A = 10,
            [Phase(TaskPhase.Running)] B = 11,
            [Phase(TaskPhase.Success)] C = 12,
            [Phase(TaskPhase.PermanentFailure)] D = 13,
        }

        public sealed record SmallJob([property: PhaseSource] Small State);

        [AsyncPlugin("small")]
        public sealed partial class SmallPlugin
        {
            public Ref Create(TaskContext task) => new(task.UniqueName);
            public SmallJob Get(Ref job) => new(Small.A);
            public void Delete(Ref job) { }
        }
        """;

    [Theory]
    [InlineData(-2, null, TaskPhase.Queued, "Waiting")]
    [InlineData(-1, "ignored", TaskPhase.Initializing, "Booting")]
    [InlineData(0, null, TaskPhase.Running, "Working")]
    [InlineData(4, null, TaskPhase.Success, "Done")]
    [InlineData(1, null, TaskPhase.Running, "Mystery")] // unmapped: [DefaultPhase], named by the member
    [InlineData(3, null, TaskPhase.Running, "UnmappedState")] // in range, no member: no name to give, and no allocation
    [InlineData(-3, null, TaskPhase.Running, "UnmappedState")] // below the range
    [InlineData(99, null, TaskPhase.Running, "UnmappedState")] // above the range
    public void Every_value_gets_the_phase_the_mapping_says(int value, string? message, TaskPhase phase, string reason)
    {
        var info = WideStatus(value, message);

        Assert.Equal(phase, info.Phase);
        Assert.Equal(reason, info.Reason);
    }

    [Theory]
    [InlineData(2, "disk full", TaskPhase.PermanentFailure, "Broken", "disk full")]
    [InlineData(2, null, TaskPhase.PermanentFailure, "Broken", "Broken")]
    [InlineData(5, "timeout", TaskPhase.RetryableFailure, "Flaky", "timeout")]
    [InlineData(5, null, TaskPhase.RetryableFailure, "Flaky", "flaky")]
    public void A_failure_still_takes_the_resources_message(int value, string? message, TaskPhase phase, string code, string errorMessage)
    {
        var info = WideStatus(value, message);

        Assert.Equal(phase, info.Phase);
        Assert.Equal(code, info.Error!.Value.Code);
        Assert.Equal(errorMessage, info.Error.Value.Message);
    }

    [Theory]
    [InlineData(10, TaskPhase.Queued)]
    [InlineData(11, TaskPhase.Running)]
    [InlineData(12, TaskPhase.Success)]
    [InlineData(13, TaskPhase.PermanentFailure)]
    public void A_byte_enum_that_starts_at_ten_is_indexed_from_ten(byte value, TaskPhase phase)
    {
        var loaded = LoadedPlugins.Load(Sources);
        var state = Enum.ToObject(loaded.Assembly.GetType("Tables.Small")!, value);

        var info = loaded.Plugin<IAsyncPlugin>("small").Status(LoadedPlugins.Task("small"), loaded.New("Tables.Ref", "r"), loaded.New("Tables.SmallJob", state));

        Assert.Equal(phase, info.Phase);
    }

    [Fact]
    public void An_unmapped_value_of_a_byte_enum_is_a_failure_naming_it()
    {
        var loaded = LoadedPlugins.Load(Sources);
        var state = Enum.ToObject(loaded.Assembly.GetType("Tables.Small")!, (byte)200);

        var info = loaded.Plugin<IAsyncPlugin>("small").Status(LoadedPlugins.Task("small"), loaded.New("Tables.Ref", "r"), loaded.New("Tables.SmallJob", state));

        Assert.Equal(TaskPhase.PermanentFailure, info.Phase);
        Assert.Contains("200", info.Error!.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_plugins_read_their_constant_phases_from_a_table()
    {
        var outcome = GeneratorHarness.RunClean(Sources);

        Assert.Contains("file static class StatusPhaseTable", outcome.Source("Tables.WidePlugin.g.cs"), StringComparison.Ordinal);
        Assert.Contains("(long)state - -2L", outcome.Source("Tables.WidePlugin.g.cs"), StringComparison.Ordinal);
        Assert.Contains("(long)state - 10L", outcome.Source("Tables.SmallPlugin.g.cs"), StringComparison.Ordinal);
    }

    private static PhaseInfo WideStatus(int value, string? message)
    {
        var loaded = LoadedPlugins.Load(Sources);
        var state = Enum.ToObject(loaded.Assembly.GetType("Tables.Wide")!, value);
        return loaded.Plugin<IAsyncPlugin>("wide").Status(LoadedPlugins.Task("wide"), loaded.New("Tables.Ref", "r"), loaded.New("Tables.WideJob", state, message));
    }
}
