using AsyncPluginGen.Analyzers.CodeFixes;
using Fix = AsyncPluginGen.Analyzers.Tests.CodeFixes.FixTest<
    AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.MakeStatusSynchronousCodeFix>;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.MakeStatusSynchronousCodeFix>;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

public sealed class MakeStatusSynchronousCodeFixTests
{
    private const string Header = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        public sealed record M(string Id);
        public sealed record R(string State, int Count);

        """;

    private static string Plugin(string name, string status) => $$"""
        [AsyncPlugin("{{name.ToLowerInvariant()}}")]
        public partial class {{name}}
        {
            public M Create(TaskContext task) => new M("x");
            public R Get(M meta) => new R("done", 1);
            public void Delete(M meta) { }

        {{status}}
        }

        """;

    [Fact]
    public Task Async_Task_of_PhaseInfo_becomes_PhaseInfo()
    {
        var source = Header + Plugin("P", """
                public async Task<PhaseInfo> {|#0:Status|}(R r)
                {
                    if (r.Count > 0)
                    {
                        return PhaseInfo.Success();
                    }

                    return PhaseInfo.Running();
                }
            """);
        var fixedSource = Header + Plugin("P", """
                public PhaseInfo Status(R r)
                {
                    if (r.Count > 0)
                    {
                        return PhaseInfo.Success();
                    }

                    return PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(source, fixedSource, MakeStatusSynchronousCodeFix.EquivalenceKey,
            Verify.Diagnostic(Descriptors.AsyncStatus).WithLocation(0).WithArguments("Status", "is declared async and returns Task<PhaseInfo>"));
    }

    [Fact]
    public Task Async_first_modifier_gives_its_place_to_the_next_one()
    {
        var source = Header + Plugin("P", """
                /// <summary>The phase.</summary>
                async static ValueTask<AsyncPluginGen.PhaseInfo> {|#0:Status|}(R r) => r.Count > 0 ? PhaseInfo.Success() : PhaseInfo.Running();
            """);
        var fixedSource = Header + Plugin("P", """
                /// <summary>The phase.</summary>
                static AsyncPluginGen.PhaseInfo Status(R r) => r.Count > 0 ? PhaseInfo.Success() : PhaseInfo.Running();
            """);

        return Verify.VerifyAsync(source, fixedSource,
            Verify.Diagnostic(Descriptors.AsyncStatus).WithLocation(0).WithArguments("Status", "is declared async and returns ValueTask<PhaseInfo>"));
    }

    [Fact]
    public Task Fix_all_makes_every_Status_of_the_file_synchronous()
    {
        var source = Header
            + Plugin("A", "    async System.Threading.Tasks.Task<PhaseInfo> {|#0:Status|}(R r) => PhaseInfo.Running();")
            + Plugin("B", "    public static async ValueTask<PhaseInfo> {|#1:Status|}(StatusContext<M, R> context) => PhaseInfo.Running();");
        var fixedSource = Header
            + Plugin("A", "    PhaseInfo Status(R r) => PhaseInfo.Running();")
            + Plugin("B", "    public static PhaseInfo Status(StatusContext<M, R> context) => PhaseInfo.Running();");

        return Verify.VerifyAsync(source, fixedSource,
            Verify.Diagnostic(Descriptors.AsyncStatus).WithLocation(0).WithArguments("Status", "is declared async and returns Task<PhaseInfo>"),
            Verify.Diagnostic(Descriptors.AsyncStatus).WithLocation(1).WithArguments("Status", "is declared async and returns ValueTask<PhaseInfo>"));
    }

    [Fact]
    public Task Status_that_awaits_is_not_changed()
    {
        var source = Header + Plugin("P", """
                public async Task<PhaseInfo> {|#0:Status|}(R r)
                {
                    await Task.Yield();
                    return PhaseInfo.Running();
                }
            """);

        return Fix.VerifyNoFixAsync(source,
            Verify.Diagnostic(Descriptors.AsyncStatus).WithLocation(0).WithArguments("Status", "is declared async and returns Task<PhaseInfo>"));
    }

    [Fact]
    public Task Status_returning_a_task_without_async_is_not_changed()
    {
        var source = Header + Plugin("P", """
                public Task<PhaseInfo> {|#0:Status|}(R r) => Task.FromResult(PhaseInfo.Running());
            """);

        return Fix.VerifyNoFixAsync(source,
            Verify.Diagnostic(Descriptors.AsyncStatus).WithLocation(0).WithArguments("Status", "returns Task<PhaseInfo>"));
    }
}
