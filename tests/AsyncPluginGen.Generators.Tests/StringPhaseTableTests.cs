using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// With eight or more string states, Status hashes the state to a slot and compares once. Every input must get exactly
/// the phase that comparing it with each mapped state (ordinal, or ordinal ignoring case) gives: mapped states, near
/// misses that agree on the hashed characters, other lengths, empty, null, and non-ASCII look-alikes.
/// </summary>
public sealed class StringPhaseTableTests
{
    private const string IgnoreCaseSources = """
        using AsyncPluginGen;

        namespace Tables;

        public sealed record Ref(string Id);
        public sealed record Ticket([property: PhaseSource(IgnoreCase = true)] string? Status, [property: PhaseMessage] string? Note);

        [AsyncPlugin("tickets")]
        [PhaseMapping("new", TaskPhase.Queued)]
        [PhaseMapping("triaged", TaskPhase.Queued, Reason = "triaged")]
        [PhaseMapping("assigned", TaskPhase.Initializing)]
        [PhaseMapping("in_progress", TaskPhase.Running)]
        [PhaseMapping("in_review", TaskPhase.Running)]
        [PhaseMapping("blocked", TaskPhase.WaitingForResources)]
        [PhaseMapping("resolved", TaskPhase.Success)]
        [PhaseMapping("rejected", TaskPhase.PermanentFailure, Code = "Rejected")]
        [PhaseMapping("reopened", TaskPhase.RetryableFailure)]
        [PhaseMapping("skip", TaskPhase.Success)]
        [DefaultPhase(TaskPhase.Running)]
        public sealed partial class TicketPlugin
        {
            public Ref Create(TaskContext task) => new(task.UniqueName);
            public Ticket Get(Ref job) => new("new", null);
            public void Delete(Ref job) { }
        }
        """;

    // Eight states of one length that differ only in the middle: no choice of up to three characters near either end
    // tells them apart, so Status keeps the switch, with the same results.
    private const string MiddleSources = """
        using AsyncPluginGen;

        namespace Tables;

        public sealed record Ref(string Id);
        public sealed record Slab([property: PhaseSource] string? State);

        [AsyncPlugin("slabs")]
        [PhaseMapping("aaaaaaaaaa0aaaaaaaaa", TaskPhase.Queued)]
        [PhaseMapping("aaaaaaaaaa1aaaaaaaaa", TaskPhase.Running)]
        [PhaseMapping("aaaaaaaaaa2aaaaaaaaa", TaskPhase.Success)]
        [PhaseMapping("aaaaaaaaaa3aaaaaaaaa", TaskPhase.Initializing)]
        [PhaseMapping("aaaaaaaaaa4aaaaaaaaa", TaskPhase.WaitingForResources)]
        [PhaseMapping("aaaaaaaaaa5aaaaaaaaa", TaskPhase.Aborted)]
        [PhaseMapping("aaaaaaaaaa6aaaaaaaaa", TaskPhase.PermanentFailure)]
        [PhaseMapping("aaaaaaaaaa7aaaaaaaaa", TaskPhase.RetryableFailure)]
        public sealed partial class SlabPlugin
        {
            public Ref Create(TaskContext task) => new(task.UniqueName);
            public Slab Get(Ref job) => new("x");
            public void Delete(Ref job) { }
        }
        """;

    private static readonly (string State, TaskPhase Phase)[] BatchStates =
    [
        ("SUBMITTED", TaskPhase.Queued), ("PENDING", TaskPhase.Queued), ("RUNNABLE", TaskPhase.WaitingForResources),
        ("STARTING", TaskPhase.Initializing), ("RUNNING", TaskPhase.Running), ("STOPPING", TaskPhase.Running),
        ("SUCCEEDED", TaskPhase.Success), ("FAILED", TaskPhase.PermanentFailure), ("EVICTED", TaskPhase.RetryableFailure),
        ("CANCELLED", TaskPhase.Aborted),
    ];

    private static readonly (string State, TaskPhase Phase)[] TicketStates =
    [
        ("new", TaskPhase.Queued), ("triaged", TaskPhase.Queued), ("assigned", TaskPhase.Initializing),
        ("in_progress", TaskPhase.Running), ("in_review", TaskPhase.Running), ("blocked", TaskPhase.WaitingForResources),
        ("resolved", TaskPhase.Success), ("rejected", TaskPhase.PermanentFailure), ("reopened", TaskPhase.RetryableFailure),
        ("skip", TaskPhase.Success),
    ];

    [Fact]
    public void Ordinal_states_get_exactly_the_phase_an_ordinal_comparison_gives()
    {
        var loaded = LoadedPlugins.Load(PluginSources.ManyStringStates);
        var plugin = loaded.Plugin<IAsyncPlugin>("batch");
        var task = LoadedPlugins.Task("batch");
        var meta = loaded.New("Contoso.Batch.BatchRef", "b");

        var checkedInputs = 0;
        foreach (var input in Inputs(BatchStates.Select(s => s.State)))
        {
            var info = plugin.Status(task, meta, loaded.New("Contoso.Batch.BatchJob", input, null));
            AssertMatchesReference(BatchStates, StringComparison.Ordinal, input, info, unmappedPhase: TaskPhase.PermanentFailure);
            checkedInputs++;
        }

        Assert.True(checkedInputs > 1000, $"only {checkedInputs} inputs were checked");
    }

    [Fact]
    public void Ignore_case_states_get_exactly_the_phase_an_ordinal_ignore_case_comparison_gives()
    {
        var loaded = LoadedPlugins.Load(IgnoreCaseSources);
        var plugin = loaded.Plugin<IAsyncPlugin>("tickets");
        var task = LoadedPlugins.Task("tickets");
        var meta = loaded.New("Tables.Ref", "t");

        foreach (var input in Inputs(TicketStates.Select(s => s.State)))
        {
            var info = plugin.Status(task, meta, loaded.New("Tables.Ticket", input, null));
            AssertMatchesReference(TicketStates, StringComparison.OrdinalIgnoreCase, input, info, unmappedPhase: TaskPhase.Running);
        }
    }

    [Fact]
    public void A_hundred_and_twenty_eight_states_that_need_four_characters_map_exactly()
    {
        // 16 stages times 8 qualifiers: same-length states share their first characters and their endings, so no three
        // positions tell them apart (the 128-state case of the Status benchmarks).
        string[] stages = ["SUBMITTED", "PENDING", "QUEUED", "PROVISIONING", "STARTING", "DOWNLOADING", "PREPARING", "RUNNING", "TRAINING", "UPLOADING", "EVALUATING", "STOPPING", "COMPLETED", "FAILED", "INTERRUPTED", "THROTTLED"];
        string[] qualifiers = ["", "_GPU", "_CPU", "_SPOT", "_EU_WEST", "_US_EAST", "_STAGE_1", "_STAGE_2"];
        TaskPhase[] phases = [TaskPhase.Queued, TaskPhase.Initializing, TaskPhase.Running, TaskPhase.Success, TaskPhase.WaitingForResources];
        var mapping = stages.SelectMany(s => qualifiers.Select(q => s + q)).Select((state, i) => (State: state, Phase: phases[i % phases.Length])).ToArray();
        var source = $$"""
            using AsyncPluginGen;

            namespace Tables;

            public sealed record Ref(string Id);
            public sealed record Step([property: PhaseSource] string? State);

            [AsyncPlugin("steps")]
            {{string.Join("\n", mapping.Select(m => $"[PhaseMapping(\"{m.State}\", TaskPhase.{m.Phase})]"))}}
            public sealed partial class StepPlugin
            {
                public Ref Create(TaskContext task) => new(task.UniqueName);
                public Step Get(Ref job) => new("QUEUED");
                public void Delete(Ref job) { }
            }
            """;
        Assert.Contains("char c3 = state[", GeneratorHarness.RunClean(source).Source("Tables.StepPlugin.g.cs"), StringComparison.Ordinal);

        var loaded = LoadedPlugins.Load(source);
        var plugin = loaded.Plugin<IAsyncPlugin>("steps");
        var task = LoadedPlugins.Task("steps");
        var meta = loaded.New("Tables.Ref", "s");
        foreach (var input in Inputs(mapping.Select(m => m.State)))
        {
            AssertMatchesReference(mapping, StringComparison.Ordinal, input, plugin.Status(task, meta, loaded.New("Tables.Step", input)), unmappedPhase: TaskPhase.PermanentFailure);
        }
    }

    [Theory]
    [InlineData("FAILED", "out of quota", TaskPhase.PermanentFailure, "BatchFailed", "out of quota")]
    [InlineData("FAILED", null, TaskPhase.PermanentFailure, "BatchFailed", "FAILED")]
    [InlineData("EVICTED", "spot reclaimed", TaskPhase.RetryableFailure, "EVICTED", "spot reclaimed")]
    [InlineData("EVICTED", "", TaskPhase.RetryableFailure, "EVICTED", "EVICTED")]
    public void A_failure_still_takes_the_resources_message(string state, string? message, TaskPhase phase, string code, string errorMessage)
    {
        var loaded = LoadedPlugins.Load(PluginSources.ManyStringStates);

        var info = loaded.Plugin<IAsyncPlugin>("batch").Status(
            LoadedPlugins.Task("batch"), loaded.New("Contoso.Batch.BatchRef", "b"), loaded.New("Contoso.Batch.BatchJob", Fresh(state), message));

        Assert.Equal(phase, info.Phase);
        Assert.Equal(code, info.Error!.Value.Code);
        Assert.Equal(errorMessage, info.Error.Value.Message);
        Assert.Equal(state == "EVICTED", info.CleanupOnFailure);
        Assert.Equal(state == "EVICTED" ? ExecutionErrorKind.System : ExecutionErrorKind.User, info.Error.Value.Kind);
    }

    [Fact]
    public void An_unmapped_ignore_case_state_falls_to_the_default_phase_named_by_its_own_text()
    {
        var loaded = LoadedPlugins.Load(IgnoreCaseSources);

        var info = loaded.Plugin<IAsyncPlugin>("tickets").Status(LoadedPlugins.Task("tickets"), loaded.New("Tables.Ref", "t"), loaded.New("Tables.Ticket", "Wontfix", null));

        Assert.Equal(TaskPhase.Running, info.Phase);
        Assert.Equal("Wontfix", info.Reason);
    }

    [Fact]
    public void States_that_differ_only_far_from_both_ends_keep_the_switch_with_the_same_results()
    {
        var outcome = GeneratorHarness.RunClean(MiddleSources);
        Assert.DoesNotContain("StatusPhaseTable", outcome.Source("Tables.SlabPlugin.g.cs"), StringComparison.Ordinal);

        var loaded = LoadedPlugins.Load(MiddleSources);
        var plugin = loaded.Plugin<IAsyncPlugin>("slabs");
        for (var i = 0; i < 8; i++)
        {
            var info = plugin.Status(LoadedPlugins.Task("slabs"), loaded.New("Tables.Ref", "s"), loaded.New("Tables.Slab", $"aaaaaaaaaa{i}aaaaaaaaa"));
            Assert.Equal(Expected(i), info.Phase);
        }

        static TaskPhase Expected(int i) => i switch
        {
            0 => TaskPhase.Queued,
            1 => TaskPhase.Running,
            2 => TaskPhase.Success,
            3 => TaskPhase.Initializing,
            4 => TaskPhase.WaitingForResources,
            5 => TaskPhase.Aborted,
            6 => TaskPhase.PermanentFailure,
            _ => TaskPhase.RetryableFailure,
        };
    }

    [Fact]
    public void Fewer_than_eight_states_keep_the_switch_and_eight_or_more_get_the_table()
    {
        Assert.DoesNotContain("StatusPhaseTable", GeneratorHarness.RunClean(PluginSources.StringStates).Source("Contoso.Jobs.JobPlugin.g.cs"), StringComparison.Ordinal);
        Assert.Contains("file static class StatusPhaseTable", GeneratorHarness.RunClean(PluginSources.ManyStringStates).Source("Contoso.Batch.BatchPlugin.g.cs"), StringComparison.Ordinal);
        Assert.Contains("FindIgnoringCaseSlowly", GeneratorHarness.RunClean(IgnoreCaseSources).Source("Tables.TicketPlugin.g.cs"), StringComparison.Ordinal);
    }

    /// <summary>The mapped states and, for each, near misses: case changes, each character changed, shortened, lengthened, non-ASCII look-alikes; then random strings.</summary>
    private static IEnumerable<string?> Inputs(IEnumerable<string> states)
    {
        yield return null;
        yield return "";
        var alphabet = new HashSet<char>();
        foreach (var state in states)
        {
            alphabet.UnionWith(state);
            yield return Fresh(state);
            yield return state.ToUpperInvariant();
            yield return state.ToLowerInvariant();
            yield return state[..^1];
            yield return state + state[^1];
            yield return "x" + state;
            for (var i = 0; i < state.Length; i++)
            {
                foreach (var replacement in new[] { (char)(state[i] + 1), (char)(state[i] ^ 0x20), 'ſ', 'ı', 'K', 'İ', '\0' })
                {
                    var chars = state.ToCharArray();
                    chars[i] = replacement;
                    yield return new string(chars);
                }
            }
        }

        var letters = alphabet.ToArray();
        var random = new Random(20261205);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 14)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = letters[random.Next(letters.Length)];
            }

            yield return new string(chars);
        }
    }

    private static void AssertMatchesReference((string State, TaskPhase Phase)[] mapping, StringComparison comparison, string? input, PhaseInfo info, TaskPhase unmappedPhase)
    {
        var match = mapping.Where(m => string.Equals(input, m.State, comparison)).Select(m => ((string State, TaskPhase Phase)?)m).SingleOrDefault();
        var expected = match?.Phase ?? unmappedPhase;
        Assert.True(expected == info.Phase, $"\"{input}\" gave {info} where the mapping says {(match is null ? $"unmapped ({unmappedPhase})" : match.ToString())}");
        if (match is null && !string.IsNullOrEmpty(input))
        {
            Assert.True(info.Reason == input || info.Error?.Code == "UnmappedState", $"\"{input}\" is unmapped, but gave {info}");
        }
    }

    /// <summary>A copy that is not the interned literal, as a deserialized response would hold.</summary>
    private static string Fresh(string state) => new(state.AsSpan());
}
