using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>APG1004: Status must be synchronous.</summary>
public sealed class AsyncStatusTests
{
    [Fact]
    public Task Async_Status_returning_a_task_is_reported_at_its_name()
    {
        var source = Plugin("""
                public async Task<PhaseInfo> {|#0:Status|}(R r)
                {
                    await Task.Yield();
                    return PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(source, Async(0, "Status", "is declared async and returns Task<PhaseInfo>"));
    }

    [Fact]
    public Task Status_returning_a_value_task_is_reported()
    {
        var source = Plugin("""
                public ValueTask<PhaseInfo> {|#0:Status|}(R r) => new ValueTask<PhaseInfo>(PhaseInfo.Running());
            """);

        return Verify.VerifyAsync(source, Async(0, "Status", "returns ValueTask<PhaseInfo>"));
    }

    [Fact]
    public Task Async_iterator_Status_is_reported()
    {
        var source = Plugin("""
                public async IAsyncEnumerable<PhaseInfo> {|#0:Status|}(R r)
                {
                    await Task.Yield();
                    yield return PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(source, Async(0, "Status", "is declared async and returns IAsyncEnumerable<PhaseInfo>"));
    }

    [Fact]
    public Task Async_Status_that_awaits_the_network_reports_both_rules()
    {
        var source = Plugin("""
                public async Task<PhaseInfo> {|#0:Status|}(R r)
                {
                    var state = await {|#1:_client.GetStringAsync(r.State)|};
                    return state == "done" ? PhaseInfo.Success() : PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(
            source,
            Async(0, "Status", "is declared async and returns Task<PhaseInfo>"),
            Network(1, "HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Synchronous_Status_and_async_handlers_are_not_reported()
    {
        const string source = HotPathSources.Usings + HotPathSources.Types + """
            [AsyncPlugin("t")]
            public partial class P
            {
                public Task<M> CreateAsync(TaskContext task) => Task.FromResult(new M("x"));
                public ValueTask<R> GetAsync(M meta) => new ValueTask<R>(new R("done", 1));
                public Task DeleteAsync(M meta) => Task.CompletedTask;
                public static PhaseInfo Status(R r) => r.State == "done" ? PhaseInfo.Success() : PhaseInfo.Running();
            }

            public class Elsewhere
            {
                public Task<PhaseInfo> Status(R r) => Task.FromResult(PhaseInfo.Running());
            }
            """;

        return Verify.VerifyAsync(source);
    }
}
