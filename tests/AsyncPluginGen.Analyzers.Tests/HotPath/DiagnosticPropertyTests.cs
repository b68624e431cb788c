using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>The properties code fixes rely on: APG1002's "Kind" and APG1004's "Async".</summary>
public sealed class DiagnosticPropertyTests
{
    [Fact]
    public async Task Direct_Thread_Sleep_has_kind_ThreadSleep_on_the_whole_invocation()
    {
        var diagnostics = await HotPathRunner.RunAsync(Plugin("""
                public PhaseInfo Status(R r)
                {
                    Thread.Sleep(100);
                    return PhaseInfo.Running();
                }
            """));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.BlockingCallInStatus, diagnostic.Id);
        Assert.Equal("Thread.Sleep(100)", HotPathRunner.Text(diagnostic));
        Assert.Equal("ThreadSleep", diagnostic.Properties["Kind"]);
        Assert.Equal("true", diagnostic.Properties["Direct"]);
    }

    [Fact]
    public async Task Blocking_call_through_a_helper_has_kind_Other_so_no_fix_removes_the_helper_call()
    {
        var diagnostics = await HotPathRunner.RunAsync(Plugin("""
                public PhaseInfo Status(R r)
                {
                    Nap();
                    return PhaseInfo.Running();
                }

                private static void Nap() => Thread.Sleep(1);
            """));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Nap()", HotPathRunner.Text(diagnostic));
        Assert.Equal("Other", diagnostic.Properties["Kind"]);
        Assert.Equal("ThreadSleep", diagnostic.Properties["LeafKind"]);
        Assert.Equal("false", diagnostic.Properties["Direct"]);
    }

    [Fact]
    public async Task Each_blocking_kind_is_named()
    {
        var diagnostics = await HotPathRunner.RunAsync(Plugin("""
                private readonly Task<int> _task = Task.FromResult(1);
                private readonly ManualResetEvent _event = new ManualResetEvent(true);
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
                private readonly object _sync = new object();

                public PhaseInfo Status(R r)
                {
                    _ = _task.Result;
                    _task.Wait();
                    _ = _task.GetAwaiter().GetResult();
                    _ = _event.WaitOne();
                    _gate.Wait();
                    lock (_sync)
                    {
                        Thread.Sleep(1);
                    }

                    return default;
                }
            """));

        var kinds = diagnostics
            .Where(d => d.Id == DiagnosticIds.BlockingCallInStatus)
            .Select(d => (Text: HotPathRunner.Text(d), Kind: d.Properties["Kind"]))
            .OrderBy(p => p.Text, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            new (string, string?)[]
            {
                ("Thread.Sleep(1)", "ThreadSleep"),
                ("_event.WaitOne()", "WaitHandle"),
                ("_gate.Wait()", "Other"),
                ("_task.GetAwaiter().GetResult()", "GetResult"),
                ("_task.Result", "TaskResult"),
                ("_task.Wait()", "TaskWait"),
                ("lock", "Lock"),
            },
            kinds);
    }

    [Fact]
    public async Task Async_Status_without_await_is_marked_for_the_fix()
    {
        var diagnostics = await HotPathRunner.RunAsync(Plugin("""
                public async Task<PhaseInfo> Status(R r) => PhaseInfo.Running();
            """));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.AsyncStatus, diagnostic.Id);
        Assert.Equal("Status", HotPathRunner.Text(diagnostic));
        Assert.Equal("true", diagnostic.Properties["Async"]);
    }

    [Fact]
    public async Task Async_Status_that_awaits_is_not_marked_for_the_fix()
    {
        var diagnostics = await HotPathRunner.RunAsync(Plugin("""
                public async Task<PhaseInfo> Status(R r)
                {
                    Func<Task> nested = static async () => await Task.Yield();
                    await Task.Yield();
                    return PhaseInfo.Running();
                }
            """));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.AsyncStatus);
        Assert.False(diagnostic.Properties.ContainsKey("Async"));
    }
}
