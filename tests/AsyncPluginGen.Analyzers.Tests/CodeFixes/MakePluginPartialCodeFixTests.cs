using AsyncPluginGen.Analyzers.CodeFixes;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.MakePluginPartialCodeFix>;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

public sealed class MakePluginPartialCodeFixTests
{
    private const string Types = """
        using AsyncPluginGen;
        public sealed record M(string Id);
        public sealed record R([property: PhaseSource] string State);

        """;

    private const string Body = """
        {
            public M Create(TaskContext task) => new("x");
            public R Get(M meta) => new("done");
            public void Delete(M meta) { }
        }
        """;

    [Fact]
    public Task Partial_goes_after_the_other_modifiers()
    {
        var source = Types + """
            [AsyncPlugin("t")]
            [PhaseMapping("done", TaskPhase.Success)]
            [DefaultPhase(TaskPhase.Running)]
            public sealed class {|#0:P|}

            """ + Body;
        var fixedSource = Types + """
            [AsyncPlugin("t")]
            [PhaseMapping("done", TaskPhase.Success)]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class P

            """ + Body;

        return Verify.VerifyAsync(source, fixedSource, MakePluginPartialCodeFix.EquivalenceKey, Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(0).WithArguments("P"));
    }

    [Fact]
    public Task Class_without_modifiers_gets_partial_at_the_start_of_its_line()
    {
        var source = Types + """
            namespace Contoso
            {
                [AsyncPlugin("t")]
                [DefaultPhase(TaskPhase.Running)]
                class {|#0:P|}
                {
                    public M Create(TaskContext task) => new("x");
                    public R Get(M meta) => new("done");
                    public void Delete(M meta) { }
                }
            }
            """;
        var fixedSource = Types + """
            namespace Contoso
            {
                [AsyncPlugin("t")]
                [DefaultPhase(TaskPhase.Running)]
                partial class P
                {
                    public M Create(TaskContext task) => new("x");
                    public R Get(M meta) => new("done");
                    public void Delete(M meta) { }
                }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource, Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(0).WithArguments("P"));
    }

    [Fact]
    public Task Record_plugin_gets_partial_before_record()
    {
        var source = Types + """
            [AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            internal sealed record {|#0:P|}

            """ + Body;
        var fixedSource = Types + """
            [AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            internal sealed partial record P

            """ + Body;

        return Verify.VerifyAsync(source, fixedSource, Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(0).WithArguments("P"));
    }

    [Fact]
    public Task Fix_all_makes_every_plugin_class_of_the_file_partial()
    {
        var source = Types + """
            [AsyncPlugin("a")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed class {|#0:A|}

            """ + Body + """


            [AsyncPlugin("b"), DefaultPhase(TaskPhase.Running)]
            internal class {|#1:B|}

            """ + Body + """


            [AsyncPlugin("c")]
            [DefaultPhase(TaskPhase.Running)]
            class {|#2:C|}

            """ + Body;
        var fixedSource = Types + """
            [AsyncPlugin("a")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class A

            """ + Body + """


            [AsyncPlugin("b"), DefaultPhase(TaskPhase.Running)]
            internal partial class B

            """ + Body + """


            [AsyncPlugin("c")]
            [DefaultPhase(TaskPhase.Running)]
            partial class C

            """ + Body;

        return Verify.VerifyAsync(
            source,
            fixedSource,
            Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(0).WithArguments("A"),
            Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(1).WithArguments("B"),
            Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(2).WithArguments("C"));
    }

    [Fact]
    public Task Fix_all_reaches_plugins_in_other_files_of_the_project()
    {
        var first = Types + """
            [AsyncPlugin("a")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed class {|#0:A|}

            """ + Body;
        var second = """
            using AsyncPluginGen;

            [AsyncPlugin("b")]
            [DefaultPhase(TaskPhase.Running)]
            public class {|#1:B|}
            {
                public M Create(TaskContext task) => new("x");
                public R Get(M meta) => new("done");
                public void Delete(M meta) { }
            }
            """;

        return FixTest<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer, MakePluginPartialCodeFix>.VerifyAsync(
            [first, second],
            [first.Replace("sealed class {|#0:A|}", "sealed partial class A", StringComparison.Ordinal), second.Replace("public class {|#1:B|}", "public partial class B", StringComparison.Ordinal)],
            [
                Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(0).WithArguments("A"),
                Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(1).WithArguments("B"),
            ],
            []);
    }
}
