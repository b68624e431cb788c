using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Xunit.Abstractions;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>
/// Abort and deadline take their own lane (issue 13): with thousands of polls waiting for read permits, the interrupted
/// task's Delete runs at once, behind the write limiter only.
/// </summary>
public sealed class InterruptPriorityTests(ITestOutputHelper output)
{
    private const int Tasks = 3_000;

    [Fact]
    public async Task ThreeThousandTasksBehindASlowReadLimiter_AbortOfTheLastAndADeadline_AreNotQueuedBehindTheReads()
    {
        await using var h = new HostHarness(s =>
        {
            s.Options.SyncOnCreate = false;
            s.Scripted.ReadQps = 30;
            s.Scripted.ReadBurst = 30;
            s.Scripted.WriteQps = 100_000;
            s.Scripted.WriteBurst = 10_000;
            s.Scripted.CacheSize = 10_000;
        });
        var tick = h.Options.TickInterval;
        var handles = new List<TaskHandle>();
        for (var i = 0; i < Tasks - 1; i++)
        {
            handles.Add(h.Submit($"t{i}"));
        }

        var deadline = h.Submit("deadline", new TaskOptions { Timeout = TimeSpan.FromSeconds(10) });
        await h.Calls.WaitAsync(Op.Create, Tasks);

        // The resync at 5 s puts every task in the read backlog: 3,000 Gets at 30/s take 100 s.
        h.AdvanceTo(At(7));
        await h.Calls.WaitAsync(Op.Get, 30);
        var last = handles[^1];
        var abortedAt = h.Now;
        Assert.True(last.Abort());
        var abortDelete = await NextTickUntilAsync(h, $"t{Tasks - 2}", 2);
        var abortLatency = abortDelete - abortedAt;

        h.AdvanceTo(At(10));
        var deadlineDelete = await NextTickUntilAsync(h, "deadline", 2);
        var deadlineLatency = deadlineDelete - At(10);
        output.WriteLine($"abort → Delete {abortLatency.TotalMilliseconds} ms, deadline → Delete {deadlineLatency.TotalMilliseconds} ms (fake time; tick {tick.TotalMilliseconds} ms), Gets so far {h.Calls.Of(Op.Get).Count}");

        Assert.True(abortLatency <= 2 * tick, $"abort took {abortLatency} to reach Delete");
        Assert.True(deadlineLatency <= 2 * tick, $"deadline took {deadlineLatency} to reach Delete");
        Assert.Equal(PluginState.Aborted, (await h.CompletionAsync(last)).State);
        Assert.Equal(HostReasons.TimeoutExpired, (await h.CompletionAsync(deadline)).Phase.Error?.Code);
        Assert.True(h.Calls.Of(Op.Get).Count < Tasks / 10, "the backlog was still there when the interrupts ran");
    }

    /// <summary>
    /// Waits for the task's Delete, then after each of up to <paramref name="ticks"/> more host ticks (a tick is the only
    /// thing that can free a worker waiting for a read permit); returns the fake time of the Delete.
    /// </summary>
    private static async Task<DateTimeOffset> NextTickUntilAsync(HostHarness h, string task, int ticks)
    {
        for (var i = 0; i <= ticks; i++)
        {
            try
            {
                await h.WaitUntilAsync(() => h.Calls.Count(task, Op.Delete) > 0, "the interrupt's Delete").WaitAsync(TimeSpan.FromSeconds(1));
                return h.Calls.Of(task, Op.Delete)[0].At;
            }
            catch (TimeoutException) when (i < ticks)
            {
                h.AdvanceBy(h.Options.TickInterval);
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}
