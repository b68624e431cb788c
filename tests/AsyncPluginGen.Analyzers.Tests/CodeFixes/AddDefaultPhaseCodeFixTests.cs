using AsyncPluginGen.Analyzers.CodeFixes;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.AddDefaultPhaseCodeFix>;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

public sealed class AddDefaultPhaseCodeFixTests
{
    private const string Types = """
        using AsyncPluginGen;

        public sealed record M(string Id);
        public sealed record R([property: PhaseSource] string State);

        """;

    private const string Body = """
        {
            public M Create(TaskContext task) => new("x");
            public R Get(M meta) => new("DONE");
            public void Delete(M meta) { }
        }
        """;

    [Fact]
    public Task Default_phase_goes_after_the_last_attribute_of_the_class()
    {
        var source = Types + """
            [{|#0:AsyncPlugin("t")|}]
            [PhaseMapping("DONE", TaskPhase.Success)]
            [PhaseMapping("FAILED", TaskPhase.PermanentFailure)]
            public sealed partial class P

            """ + Body;
        var fixedSource = Types + """
            [AsyncPlugin("t")]
            [PhaseMapping("DONE", TaskPhase.Success)]
            [PhaseMapping("FAILED", TaskPhase.PermanentFailure)]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class P

            """ + Body;

        return Verify.VerifyAsync(source, fixedSource, AddDefaultPhaseCodeFix.EquivalenceKey,
            Verify.Diagnostic(Descriptors.StringStatesWithoutDefault).WithLocation(0).WithArguments("P"));
    }

    [Fact]
    public Task Fix_all_adds_the_default_to_every_plugin_keeping_each_layout()
    {
        const string source = """
            using AsyncPluginGen;

            namespace Contoso
            {
                public sealed record M(string Id);
                public sealed record R([property: PhaseSource] string State);

                [{|#0:AsyncPlugin("a")|}, PhaseMapping("DONE", TaskPhase.Success)]
                public sealed partial class A
                {
                    public M Create(TaskContext task) => new("x");
                    public R Get(M meta) => new("DONE");
                    public void Delete(M meta) { }
                }

                /// <summary>Plugin B.</summary>
                [PhaseMapping("DONE", TaskPhase.Success)]
                [{|#1:AsyncPlugin("b")|}]
                internal partial class B
                {
                    public M Create(TaskContext task) => new("x");
                    public R Get(M meta) => new("DONE");
                    public void Delete(M meta) { }
                }
            }
            """;
        const string fixedSource = """
            using AsyncPluginGen;

            namespace Contoso
            {
                public sealed record M(string Id);
                public sealed record R([property: PhaseSource] string State);

                [AsyncPlugin("a"), PhaseMapping("DONE", TaskPhase.Success)]
                [DefaultPhase(TaskPhase.Running)]
                public sealed partial class A
                {
                    public M Create(TaskContext task) => new("x");
                    public R Get(M meta) => new("DONE");
                    public void Delete(M meta) { }
                }

                /// <summary>Plugin B.</summary>
                [PhaseMapping("DONE", TaskPhase.Success)]
                [AsyncPlugin("b")]
                [DefaultPhase(TaskPhase.Running)]
                internal partial class B
                {
                    public M Create(TaskContext task) => new("x");
                    public R Get(M meta) => new("DONE");
                    public void Delete(M meta) { }
                }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource,
            Verify.Diagnostic(Descriptors.StringStatesWithoutDefault).WithLocation(0).WithArguments("A"),
            Verify.Diagnostic(Descriptors.StringStatesWithoutDefault).WithLocation(1).WithArguments("B"));
    }

    [Fact]
    public Task Attribute_written_fully_qualified_gets_a_using_for_the_default()
    {
        const string source = """
            public sealed record M(string Id);
            public sealed record R([property: AsyncPluginGen.PhaseSource] string State);

            [{|#0:AsyncPluginGen.AsyncPlugin("t")|}]
            public sealed partial class P
            {
                public M Create(AsyncPluginGen.TaskContext task) => new("x");
                public R Get(M meta) => new("DONE");
                public void Delete(M meta) { }
            }
            """;
        const string fixedSource = """
            using AsyncPluginGen;

            public sealed record M(string Id);
            public sealed record R([property: AsyncPluginGen.PhaseSource] string State);

            [AsyncPluginGen.AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class P
            {
                public M Create(AsyncPluginGen.TaskContext task) => new("x");
                public R Get(M meta) => new("DONE");
                public void Delete(M meta) { }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource,
            Verify.Diagnostic(Descriptors.StringStatesWithoutDefault).WithLocation(0).WithArguments("P"));
    }
}
