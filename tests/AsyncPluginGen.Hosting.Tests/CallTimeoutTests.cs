using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>
/// Per-call timeouts (issue 13): a hung call never holds a worker past its timeout, even when the plugin ignores its
/// token, and an abort or deadline ends a task whose Get hangs without waiting for that Get.
/// </summary>
public sealed class CallTimeoutTests
{
    [Fact]
    public async Task TenHungGets_TimeOut_FreeTheWorkers_AndOtherTasksKeepRunning()
    {
        var release = Wait.Gate();
        await using var h = new HostHarness(s =>
        {
            s.Scripted.Workers = 10;
            s.Scripted.CallTimeouts.Get = TimeSpan.FromSeconds(2); // the per-plugin override (host default 30 s)
        });
        var hung = Enumerable.Range(0, 10).Select(i => $"h{i}").ToList();
        foreach (var task in hung)
        {
            h.Script(task).OnGet(IgnoresItsToken(release, new InvalidOperationException("late failure of an abandoned Get")));
            h.Submit(task);
        }

        await h.Calls.WaitAsync(Op.Get, 10); // every worker is in a Get that ignores its token
        var other = h.Submit("other");
        h.AdvanceTo(At(1.75));
        Assert.Empty(h.Calls.Of("other", Op.Create)); // no worker free before the timeout

        h.AdvanceTo(At(2));
        await h.WaitForPhaseAsync("other", TaskPhase.Running);

        Assert.Equal(At(2), Assert.Single(h.Calls.Of("other", Op.Create)).At);
        Assert.All(hung, task => Assert.True(Assert.Single(h.Calls.Of(task, Op.Get)).Token.IsCancellationRequested));
        Assert.All(hung, task => Assert.False(h.Host.TryGetTask(h.UniqueName(task), out var handle) && handle!.Completion.IsCompleted));

        // The abandoned Gets end later with a failure: observed and logged, never unobserved. The next resync polls again.
        release.SetResult();
        h.AdvanceTo(At(5));
        await h.Calls.WaitAsync("h0", Op.Get, 2);
        Assert.True(other.Abort());
        Assert.Equal(PluginState.Aborted, (await h.CompletionAsync(other)).State);
    }

    [Fact]
    public async Task HungGet_Abort_DeletesAtOnce_WithoutWaitingForTheGet()
    {
        await using var h = new HostHarness();
        h.Script("a").OnGet(IgnoresItsToken(Wait.Gate(), null));
        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Get, 1);
        h.AdvanceTo(At(1));

        Assert.True(handle.Abort());
        var result = await h.CompletionAsync(handle);

        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(At(1), delete.At); // the Get's own timeout (30 s) is not waited for
        Assert.Equal(DeleteReason.Aborted, delete.Reason);
        Assert.Equal(PluginState.Aborted, result.State);
        Assert.True(Assert.Single(h.Calls.Of("a", Op.Get)).Token.IsCancellationRequested);
    }

    [Fact]
    public async Task HungGet_Deadline_EndsTheTaskAtItsDeadline()
    {
        await using var h = new HostHarness();
        h.Script("a").OnGet(IgnoresItsToken(Wait.Gate(), null));
        var handle = h.Submit("a", new TaskOptions { Timeout = TimeSpan.FromSeconds(3) });
        await h.Calls.WaitAsync("a", Op.Get, 1);
        h.AdvanceTo(At(3));

        var result = await h.CompletionAsync(handle);

        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(At(3), delete.At);
        Assert.Equal(DeleteReason.TimeoutExpired, delete.Reason);
        Assert.Equal(HostReasons.TimeoutExpired, result.Phase.Error?.Code);
    }

    [Fact]
    public async Task TimedOutGets_CountTowardMaxSystemFailures()
    {
        await using var h = new HostHarness(s =>
        {
            s.Scripted.MaxSystemFailures = 1;
            s.Scripted.CallTimeouts.Get = TimeSpan.FromSeconds(1);
        });
        h.Script("a").OnGet(IgnoresItsToken(Wait.Gate(), null), IgnoresItsToken(Wait.Gate(), null));
        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Get, 1);
        h.AdvanceTo(At(5));
        await h.Calls.WaitAsync("a", Op.Get, 2);
        h.AdvanceTo(At(6));

        var result = await h.CompletionAsync(handle);

        Assert.Equal(HostReasons.AutoRefreshCacheFailed, result.Phase.Error?.Code);
        Assert.Contains("did not complete within its timeout of 00:00:01", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(DeleteReason.CleanupOnFailure, Assert.Single(h.Calls.Of("a", Op.Delete)).Reason);
    }

    [Fact]
    public async Task TimedOutDelete_IsRetried()
    {
        await using var h = new HostHarness(s =>
        {
            s.Options.CallTimeouts.Delete = TimeSpan.FromSeconds(2);
            s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromSeconds(1) };
        });
        h.Script("a").OnDelete(IgnoresItsToken(Wait.Gate(), false));
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        Assert.True(handle.Abort());
        await h.Calls.WaitAsync("a", Op.Delete, 1);
        h.AdvanceTo(At(2));
        await h.Spans.WaitAsync("a", "Delete", 1); // the timed-out Delete ended, its retry scheduled for 3 s
        h.AdvanceTo(At(3));
        var result = await h.CompletionAsync(handle);

        Assert.Equal([At(0), At(3)], h.Calls.Of("a", Op.Delete).Select(c => c.At));
        Assert.Equal(PluginState.Aborted, result.State);
    }

    /// <summary>A call that ignores its token and ends only when <paramref name="release"/> completes.</summary>
    private static Step<T> IgnoresItsToken<T>(TaskCompletionSource release, Exception? then) => async _ =>
    {
        await release.Task.ConfigureAwait(false);
        return then is null ? default! : throw then;
    };

    private static Step<JobResource> IgnoresItsToken(TaskCompletionSource release, Exception? then) => IgnoresItsToken<JobResource>(release, then);

    private static Step<bool> IgnoresItsToken(TaskCompletionSource release, bool _) => IgnoresItsToken<bool>(release, null);
}
