using AsyncPluginGen.Analyzers.Authoring;
using AsyncPluginGen.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.AddDeleteHandlerCodeFix>;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// APG0006's fix renames a misnamed cancel method to Delete, and offers nothing else: a generated Delete that throws
/// (or does nothing) would leak every aborted job.
/// </summary>
public sealed class AddDeleteHandlerCodeFixTests
{
    private const string Header = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        public sealed record QueryId(string Value);
        public sealed record Query([property: PhaseSource] string State);

        """;

    private static DiagnosticResult MissingDelete(string plugin = "WarehousePlugin") =>
        Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(0).WithArguments(plugin, HandlerShapes.DeleteExample("QueryId"), "");

    [Theory]
    [InlineData("CancelAsync", "QueryId meta, CancellationToken ct")]
    [InlineData("StopAsync", "QueryId meta, DeleteReason reason, CancellationToken ct")]
    [InlineData("AbortAsync", "QueryId meta")]
    [InlineData("KillAsync", "QueryId meta, DeleteReason reason")]
    [InlineData("TerminateAsync", "QueryId meta, CancellationToken ct")]
    [InlineData("Cancel", "QueryId meta, CancellationToken ct")]
    public Task A_cancel_like_method_taking_the_meta_is_renamed_to_DeleteAsync_with_its_callers(string name, string parameters)
    {
        var arguments = string.Join(", ", parameters.Split(", ").Select(p => p.Split(' ')[1]));
        var source = Header + $$"""
            [AsyncPlugin("warehouse_query")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:WarehousePlugin|}
            {
                public Task<QueryId> CreateAsync(TaskContext task, CancellationToken ct) => Task.FromResult(new QueryId(task.UniqueName));

                public Task<Query> GetAsync(QueryId meta, CancellationToken ct) => Task.FromResult(new Query("RUNNING"));

                public ValueTask {{name}}({{parameters}}) => default;

                public ValueTask CancelTwiceAsync({{parameters}}) => {{name}}({{arguments}});
            }
            """;
        var fixedSource = source.Replace("{|#0:WarehousePlugin|}", "WarehousePlugin", StringComparison.Ordinal)
            .Replace($"ValueTask {name}(", "ValueTask DeleteAsync(", StringComparison.Ordinal)
            .Replace($"=> {name}(", "=> DeleteAsync(", StringComparison.Ordinal);

        return Verify.VerifyAsync(source, fixedSource, AddDeleteHandlerCodeFix.EquivalenceKey, MissingDelete());
    }

    [Fact]
    public Task A_synchronous_void_cancel_method_becomes_Delete()
    {
        var source = Header + """
            [AsyncPlugin("warehouse_query")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:WarehousePlugin|}
            {
                public QueryId Create(TaskContext task) => new(task.UniqueName);

                public Query Get(QueryId meta) => new("RUNNING");

                public void Kill(QueryId meta) { }
            }
            """;
        var fixedSource = source.Replace("{|#0:WarehousePlugin|}", "WarehousePlugin", StringComparison.Ordinal)
            .Replace("void Kill(", "void Delete(", StringComparison.Ordinal);

        return Verify.VerifyAsync(source, fixedSource, AddDeleteHandlerCodeFix.EquivalenceKey, MissingDelete());
    }

    [Fact]
    public Task Without_a_cancel_like_method_no_fix_is_offered_and_nothing_that_throws_is_generated()
    {
        var source = Header + """
            [AsyncPlugin("warehouse_query")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:WarehousePlugin|}
            {
                public Task<QueryId> CreateAsync(TaskContext task, CancellationToken ct) => Task.FromResult(new QueryId(task.UniqueName));

                public Task<Query> GetAsync(QueryId meta, CancellationToken ct) => Task.FromResult(new Query("RUNNING"));
            }
            """;

        return FixTest<PluginDeclarationAnalyzer, AddDeleteHandlerCodeFix>.VerifyNoFixAsync(source, MissingDelete());
    }

    [Theory]
    [InlineData("public ValueTask CancelAsync(string jobId, CancellationToken ct) => default;")]                  // not the meta
    [InlineData("public ValueTask CancelAsync(QueryId meta, string why) => default;")]                            // an extra parameter
    [InlineData("public Task<bool> CancelAsync(QueryId meta, CancellationToken ct) => Task.FromResult(true);")]   // returns a value
    [InlineData("public ValueTask CancelJobAsync(QueryId meta, CancellationToken ct) => default;")]               // not a cancel-like name
    // Types named like the runtime's, in another namespace: the fix compares symbols, not names.
    [InlineData("public ValueTask CancelAsync(QueryId meta, MyLib.DeleteReason reason) => default;")]
    [InlineData("public ValueTask CancelAsync(QueryId meta, MyLib.CancellationToken ct) => default;")]
    [InlineData("public MyLib.ValueTask CancelAsync(QueryId meta) => default;")]
    public Task A_method_that_cannot_be_Delete_is_not_offered(string member)
    {
        var source = Header + """
            namespace MyLib
            {
                public enum DeleteReason { Aborted }
                public struct CancellationToken { }
                public struct ValueTask { }
            }

            """ + $$"""
            [AsyncPlugin("warehouse_query")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:WarehousePlugin|}
            {
                public Task<QueryId> CreateAsync(TaskContext task, CancellationToken ct) => Task.FromResult(new QueryId(task.UniqueName));

                public Task<Query> GetAsync(QueryId meta, CancellationToken ct) => Task.FromResult(new Query("RUNNING"));

                {{member}}
            }
            """;

        return FixTest<PluginDeclarationAnalyzer, AddDeleteHandlerCodeFix>.VerifyNoFixAsync(source, MissingDelete());
    }
}
