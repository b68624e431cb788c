using AsyncPluginGen.Analyzers.Authoring;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

public sealed class PluginClassTests
{
    [Fact]
    public Task Class_that_is_not_partial_is_reported_at_its_name()
    {
        const string source = """
            using AsyncPluginGen;
            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("t")]
            [PhaseMapping("done", TaskPhase.Success)]
            [DefaultPhase(TaskPhase.Running)]
            public sealed class {|#0:P|}
            {
                public M Create(TaskContext task) => new("x");
                public R Get(M meta) => new("done");
                public void Delete(M meta) { }
            }
            """;

        return Verify.VerifyAsync(source, Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(0).WithArguments("P"));
    }
}
