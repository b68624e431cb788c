using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>Stopping and disposing the host: every task, handle and watcher ends, and stop is bounded.</summary>
public sealed class LifecycleTests
{
    [Theory]
    [InlineData("dispose")]
    [InlineData("stop")]
    public async Task EveryWatcher_EndsWithTheTaskFinalState_WhenTheHostStops(string how)
    {
        var h = new HostHarness();
        var tasks = Enumerable.Range(0, 20).Select(i => "t" + i).ToArray();
        var handles = tasks.Select(t => h.Submit(t)).ToArray();
        foreach (var task in tasks)
        {
            await h.WaitForPhaseAsync(task, TaskPhase.Running);
        }

        // 200 enumerations, each past its first event (so subscribed) before the host stops.
        var watchers = new List<Task<List<PhaseEvent>>>();
        foreach (var handle in handles)
        {
            for (var i = 0; i < 10; i++)
            {
                var first = Wait.Gate();
                watchers.Add(CollectAsync(handle, first));
                await first.Task.Bounded();
            }
        }

        if (how == "stop")
        {
            await h.Host.StopAsync(CancellationToken.None).Bounded();
        }
        else
        {
            await h.Host.DisposeAsync().AsTask().Bounded();
        }

        var ended = await Task.WhenAll(watchers).Bounded();
        foreach (var events in ended)
        {
            var last = events[^1];
            Assert.Equal((TaskPhase.PermanentFailure, PluginState.SystemFailure, HostReasons.HostStopped), (last.Phase.Phase, last.State, last.Phase.Error?.Code));
        }

        foreach (var task in tasks)
        {
            // The host's observers see the terminal event too.
            Assert.Equal(PluginState.SystemFailure, h.Events(task)[^1].State);
        }

        Assert.Equal(0, h.Host.InFlightCount);
        await h.DisposeAsync();
    }

    [Fact]
    public async Task Watchers_EndWithTheFinalState_OnAbortAndOnTimeout()
    {
        await using var h = new HostHarness();
        var aborted = h.Submit("aborted");
        var timed = h.Submit("timed", new TaskOptions { Timeout = TimeSpan.FromSeconds(2) });
        await h.WaitForPhaseAsync("aborted", TaskPhase.Running);
        await h.WaitForPhaseAsync("timed", TaskPhase.Running);
        var firstAborted = Wait.Gate();
        var firstTimed = Wait.Gate();
        var watchAborted = CollectAsync(aborted, firstAborted);
        var watchTimed = CollectAsync(timed, firstTimed);
        await Task.WhenAll(firstAborted.Task, firstTimed.Task).Bounded();

        aborted.Abort();
        h.AdvanceTo(At(2));

        Assert.Equal(PluginState.Aborted, (await watchAborted.Bounded())[^1].State);
        Assert.Equal(HostReasons.TimeoutExpired, (await watchTimed.Bounded())[^1].Phase.Error?.Code);
    }

    [Fact]
    public async Task StopAsync_DoesNotWaitForAGetThatIgnoresItsToken()
    {
        // A read is abandoned at stop, not awaited: the worker stops waiting for it when the host's token is cancelled,
        // so a Get that never returns holds the stop for nothing (its token is never cancelled here).
        var h = new HostHarness();
        var never = Wait.Gate();
        h.Script("a").OnCreate(Steps.Return<JobResource?>(null)).OnGet(async _ =>
        {
            await never.Task.ConfigureAwait(false);
            return new JobResource("RUNNING");
        });
        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Get, 1);
        using var shutdown = new CancellationTokenSource();

        await h.Host.StopAsync(shutdown.Token).Bounded();

        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => handle.Completion.Bounded());
        Assert.Contains(handle.UniqueName, error.Message, StringComparison.Ordinal);
        Assert.False(shutdown.IsCancellationRequested);
        Assert.False(never.Task.IsCompleted); // the Get is still running
        never.SetResult();
        await h.DisposeAsync().AsTask().Bounded();
    }

    [Fact]
    public async Task DisposeAfterABoundedStop_DoesNotWaitForAGetThatIgnoresItsToken()
    {
        // The generic host stops its services within the shutdown timeout, then disposes the container: the dispose
        // must not undo the bound by waiting for the same stuck call.
        var h = new HostHarness();
        var never = Wait.Gate();
        h.Script("a").OnCreate(Steps.Return<JobResource?>(null)).OnGet(async _ =>
        {
            await never.Task.ConfigureAwait(false);
            return new JobResource("RUNNING");
        });
        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Get, 1);
        using var shutdown = new CancellationTokenSource();
        var stop = h.Host.StopAsync(shutdown.Token);
        await shutdown.CancelAsync();
        await stop.Bounded();

        var dispose = h.Host.DisposeAsync().AsTask();

        await dispose.Bounded();
        Assert.False(never.Task.IsCompleted); // the Get is still running: dispose returned without it
        await Assert.ThrowsAsync<OperationCanceledException>(() => handle.Completion.Bounded());
        never.SetResult();
        await h.DisposeAsync().AsTask().Bounded();
    }

    [Fact]
    public async Task SubmitRacingDispose_EveryHandleCompletes_OrSubmitThrowsObjectDisposed()
    {
        for (var round = 0; round < 20; round++)
        {
            var h = new HostHarness();
            var start = Wait.Gate();
            var submitters = Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                var handles = new List<TaskHandle>();
                for (var i = 0; i < 100; i++)
                {
                    try
                    {
                        handles.Add(i % 2 == 0 ? h.Submit($"s{s}-{i}") : h.SubmitSync($"s{s}-{i}"));
                    }
                    catch (ObjectDisposedException)
                    {
                        break; // Refused: the host is stopping.
                    }
                }

                return handles;
            })).ToArray();

            start.SetResult();
            await h.DisposeAsync().AsTask().Bounded();
            var handles = (await Task.WhenAll(submitters).Bounded()).SelectMany(x => x);
            foreach (var handle in handles)
            {
                // Ended before the stop (a result) or by it (OperationCanceledException); never left pending.
                await Task.WhenAny(handle.Completion).Bounded();
                Assert.True(handle.Completion.IsCompleted);
            }

            Assert.Throws<ObjectDisposedException>(() => h.Submit("after"));
        }
    }

    private static async Task<List<PhaseEvent>> CollectAsync(TaskHandle handle, TaskCompletionSource first)
    {
        var events = new List<PhaseEvent>();
        await foreach (var phaseEvent in handle.WatchAsync().ConfigureAwait(false))
        {
            events.Add(phaseEvent);
            first.TrySetResult();
        }

        return events;
    }
}
