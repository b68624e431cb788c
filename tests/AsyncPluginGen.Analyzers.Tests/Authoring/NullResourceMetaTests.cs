using AsyncPluginGen.Analyzers.Authoring;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.NullResourceMetaAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0017: Create provably returns a null ResourceMeta; only literals are provable.</summary>
public sealed class NullResourceMetaTests
{
    private static string Plugin(string create) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        public sealed record QueryId(string Value);
        public sealed record Query([property: PhaseSource] string State);

        [AsyncPlugin("warehouse_query")]
        [DefaultPhase(TaskPhase.Running)]
        public sealed partial class WarehousePlugin
        {
            {{create}}

            public Task<Query> GetAsync(QueryId meta, CancellationToken ct) => Task.FromResult(new Query("RUNNING"));

            public ValueTask DeleteAsync(QueryId meta, CancellationToken ct) => default;

            private static QueryId? Lookup(TaskContext task) => task.UniqueName.Length > 0 ? new QueryId(task.UniqueName) : null;
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Flagged() =>
        Verify.Diagnostic(Descriptors.NullResourceMeta).WithLocation(0).WithArguments("WarehousePlugin");

    [Theory]
    [InlineData("public Created<QueryId, Query> Create(TaskContext task) => new Created<QueryId, Query>({|#0:null!|}, new Query(\"RUNNING\"));")]
    [InlineData("public Created<QueryId, Query> Create(TaskContext task) => new({|#0:default!|}, new Query(\"RUNNING\"));")]
    [InlineData("public Created<QueryId, Query> Create(TaskContext task) => Created.With<QueryId, Query>({|#0:null!|}, new Query(\"RUNNING\"));")]
    [InlineData("public QueryId Create(TaskContext task) => {|#0:null!|};")]
    [InlineData("public QueryId Create(TaskContext task) { return {|#0:default!|}; }")]
    [InlineData("public async Task<QueryId> CreateAsync(TaskContext task, CancellationToken ct) { await Task.Yield(); return {|#0:null!|}; }")]
    [InlineData("public Created<QueryId, Query> Create(TaskContext task) => {|#0:default|};")]
    [InlineData("public Created<QueryId, Query> Create(TaskContext task) => {|#0:(QueryId)null!|};")]
    public Task A_null_or_default_meta_literal_is_reported(string create) => Verify.VerifyAsync(Plugin(create), Flagged());

    [Theory]
    [InlineData("public QueryId Create(TaskContext task) => new(task.UniqueName);")]
    [InlineData("public Created<QueryId, Query> Create(TaskContext task) => Created.With(new QueryId(task.UniqueName), new Query(\"RUNNING\"));")]
    // A variable that may be null is not provable: the nullable analysis, not this rule, speaks about it.
    [InlineData("public QueryId Create(TaskContext task) => Lookup(task)!;")]
    [InlineData("public Created<QueryId, Query> Create(TaskContext task) { var id = Lookup(task); return new Created<QueryId, Query>(id!, new Query(\"RUNNING\")); }")]
    // Null inside a lambda is the lambda's business, and a null resource is allowed.
    [InlineData("public QueryId Create(TaskContext task) { System.Func<QueryId?> none = () => null; return none() ?? new QueryId(task.UniqueName); }")]
    [InlineData("public Created<QueryId, Query> Create(TaskContext task) => new(new QueryId(task.UniqueName), null!);")]
    public Task A_meta_that_is_not_provably_null_is_not_reported(string create) => Verify.VerifyAsync(Plugin(create));

    [Fact]
    public Task A_null_meta_outside_a_plugin_Create_is_not_reported() => Verify.VerifyAsync("""
        using AsyncPluginGen;

        public static class Helpers
        {
            public static Created<string, string> Create() => new(null!, "x");
        }
        """);
}
