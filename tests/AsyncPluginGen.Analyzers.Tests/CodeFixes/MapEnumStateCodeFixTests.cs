using AsyncPluginGen.Analyzers.Authoring;
using AsyncPluginGen.Analyzers.CodeFixes;
using Fix = AsyncPluginGen.Analyzers.Tests.CodeFixes.FixTest<
    AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.MapEnumStateCodeFix>;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.MapEnumStateCodeFix>;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// APG0010 is reported while analyzing the plugin class, on a member of another type, so it is a non-local diagnostic
/// (see <see cref="FixTest{TAnalyzer, TCodeFix}"/>).
/// </summary>
public sealed class MapEnumStateCodeFixTests
{
    private const string Plugin = """
        using AsyncPluginGen;

        public sealed record M(string Id);
        public sealed record R([property: PhaseSource] JobState State);

        [AsyncPlugin("t")]
        public sealed partial class P
        {
            public M Create(TaskContext task) => new("x");
            public R Get(M meta) => new(default);
            public void Delete(M meta) { }
        }
        """;

    [Fact]
    public Task Fix_all_maps_every_unmapped_state_and_leaves_mapped_ones_alone()
    {
        const string source = Plugin + """


            public enum JobState
            {
                {|#0:Pending|},
                {|#1:Running|},

                /// <summary>The job finished.</summary>
                {|#2:Done|},
                [Phase(TaskPhase.PermanentFailure)]
                Failed,
            }
            """;
        const string fixedSource = Plugin + """


            public enum JobState
            {
                [Phase(TaskPhase.Queued)]
                Pending,
                [Phase(TaskPhase.Running)]
                Running,

                /// <summary>The job finished.</summary>
                [Phase(TaskPhase.Success)]
                Done,
                [Phase(TaskPhase.PermanentFailure)]
                Failed,
            }
            """;

        return Fix.VerifyAsync(
            source,
            fixedSource,
            [
                Verify.Diagnostic(Descriptors.UnmappedEnumState).WithLocation(0).WithArguments("Pending", "JobState", "P"),
                Verify.Diagnostic(Descriptors.UnmappedEnumState).WithLocation(1).WithArguments("Running", "JobState", "P"),
                Verify.Diagnostic(Descriptors.UnmappedEnumState).WithLocation(2).WithArguments("Done", "JobState", "P"),
            ],
            [],
            equivalenceKey: MapEnumStateCodeFix.EquivalenceKey);
    }

    [Theory]
    [InlineData("PENDING", "Queued")]
    [InlineData("Submitted", "Queued")]
    [InlineData("Provisioning", "Initializing")]
    [InlineData("IN_PROGRESS", "Running")]
    [InlineData("Terminating", "Running")]
    [InlineData("SUCCEEDED", "Success")]
    [InlineData("Ok", "Success")]
    [InlineData("INTERNAL_ERROR", "PermanentFailure")]
    [InlineData("Errored", "PermanentFailure")]
    [InlineData("Cancelled", "Aborted")]
    [InlineData("KILLED", "Aborted")]
    [InlineData("TIMED_OUT", "RetryableFailure")]
    [InlineData("Skipped", "Undefined")]
    public Task Phase_is_guessed_from_the_state_name_ignoring_case_and_underscores(string state, string phase)
    {
        var source = Plugin + $$"""


            public enum JobState
            {
                {|#0:{{state}}|},
            }
            """;
        var fixedSource = Plugin + $$"""


            public enum JobState
            {
                [Phase(TaskPhase.{{phase}})]
                {{state}},
            }
            """;

        return Fix.VerifyAsync(
            source,
            fixedSource,
            [Verify.Diagnostic(Descriptors.UnmappedEnumState).WithLocation(0).WithArguments(state, "JobState", "P")],
            []);
    }

    [Fact]
    public Task Phase_goes_after_existing_attributes_and_the_using_is_added_where_the_enum_lives()
    {
        const string states = """
            namespace Contoso.Remote
            {
                public enum JobState : byte
                {
                    [System.Obsolete("old")]
                    {|#0:Queued|} = 1,
                    {|#1:Canceled|} = 2, // the service's spelling
                }
            }
            """;
        const string fixedStates = """
            using AsyncPluginGen;

            namespace Contoso.Remote
            {
                public enum JobState : byte
                {
                    [System.Obsolete("old")]
                    [Phase(TaskPhase.Queued)]
                    Queued = 1,
                    [Phase(TaskPhase.Aborted)]
                    Canceled = 2, // the service's spelling
                }
            }
            """;
        const string plugin = """
            using AsyncPluginGen;
            using Contoso.Remote;

            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] JobState? State);

            [AsyncPlugin("t")]
            public sealed partial class P
            {
                public M Create(TaskContext task) => new("x");
                public R Get(M meta) => new(default(JobState?));
                public void Delete(M meta) { }
            }
            """;

        return Fix.VerifyAsync(
            [states, plugin],
            [fixedStates, plugin],
            [
                Verify.Diagnostic(Descriptors.UnmappedEnumState).WithLocation(0).WithArguments("Queued", "JobState", "P"),
                Verify.Diagnostic(Descriptors.UnmappedEnumState).WithLocation(1).WithArguments("Canceled", "JobState", "P"),
            ],
            []);
    }
}
