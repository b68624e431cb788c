using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>
/// The clock the host tests run on. The first test is the reason it exists: FakeTimeProvider runs a timer on whichever
/// thread is in its timer loop, and loses a periodic tick when the clock is advanced while another thread runs it.
/// </summary>
public sealed class HarnessClockTests
{
    private static readonly DateTimeOffset T0 = HostHarness.T0;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void FakeTimeProvider_LosesAPeriodicTick_WhenAnotherThreadRunsItWhileTheTestAdvances()
    {
        var fake = new FakeTimeProvider(T0);
        var ticks = new List<DateTimeOffset>();
        using var tickEntered = new ManualResetEventSlim();
        using var releaseTick = new ManualResetEventSlim();
        using var holdEntered = new ManualResetEventSlim();
        using var releaseHold = new ManualResetEventSlim();
        using var onWorker = new ThreadLocal<bool>();
        using var tick = fake.CreateTimer(
            _ =>
            {
                lock (ticks)
                {
                    ticks.Add(fake.GetUtcNow());
                }

                if (onWorker.Value)
                {
                    tickEntered.Set();
                    WaitBounded(releaseTick);
                }
            },
            null,
            Second,
            Second);
        fake.Advance(Second); // the tick at 1 s, run by this thread

        // A worker arms a timer that is due at once: it runs it, and holds the fake's timer loop meanwhile.
        var worker = new Thread(() =>
        {
            onWorker.Value = true;
            using var hold = fake.CreateTimer(_ => { holdEntered.Set(); WaitBounded(releaseHold); }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        });
        worker.Start();
        WaitBounded(holdEntered);
        fake.Advance(Second); // to 2 s: the loop is busy, so this thread runs nothing
        releaseHold.Set(); // the worker runs the tick at 2 s, and stays in it
        WaitBounded(tickEntered);
        fake.Advance(Second); // to 3 s while the worker is in the tick
        releaseTick.Set();
        Assert.True(worker.Join(TimeSpan.FromSeconds(10)));

        // The fake moved the tick to one period after 3 s: the tick at 3 s never runs.
        lock (ticks)
        {
            Assert.Equal([T0 + Second, T0 + (2 * Second)], ticks);
        }
    }

    [Fact]
    public void HarnessClock_RunsEveryTickOnTheAdvancingThread_WhileAnotherThreadRunsATimerDueAtOnce()
    {
        var clock = new HarnessClock(new FakeTimeProvider(T0));
        var ticks = new List<(DateTimeOffset At, int Thread)>();
        using var holdEntered = new ManualResetEventSlim();
        using var releaseHold = new ManualResetEventSlim();
        using var tick = clock.CreateTimer(_ => ticks.Add((clock.GetUtcNow(), Environment.CurrentManagedThreadId)), null, Second, Second);
        clock.Advance(Second);

        var worker = new Thread(() =>
        {
            _ = clock.GetUtcNow();
            using var hold = clock.CreateTimer(_ => { holdEntered.Set(); WaitBounded(releaseHold); }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        });
        worker.Start();
        WaitBounded(holdEntered);
        clock.Advance(Second);
        clock.Advance(Second);
        releaseHold.Set();
        Assert.True(worker.Join(TimeSpan.FromSeconds(10)));

        var self = Environment.CurrentManagedThreadId;
        Assert.Equal([(T0 + Second, self), (T0 + (2 * Second), self), (T0 + (3 * Second), self)], ticks);
    }

    [Fact]
    public void GetUtcNow_FollowsTheFakeTime_AlsoWhenTheFakeIsAdvancedDirectly()
    {
        var fake = new FakeTimeProvider(T0);
        var clock = new HarnessClock(fake);
        var start = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMilliseconds(1500));
        fake.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(T0 + TimeSpan.FromMilliseconds(3500), clock.GetUtcNow());
        Assert.Equal(fake.GetUtcNow(), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(3500), clock.GetElapsedTime(start));
    }

    [Fact]
    public void AdvancingDirectlyThroughTheFake_RunsNoTimerOfTheClock_UntilTheClockIsAdvanced()
    {
        var fake = new FakeTimeProvider(T0);
        var clock = new HarnessClock(fake);
        var runs = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => runs.Add(clock.GetUtcNow()), null, Second, Timeout.InfiniteTimeSpan);

        fake.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(runs);

        clock.Advance(TimeSpan.Zero);
        Assert.Equal([T0 + TimeSpan.FromSeconds(5)], runs);
    }

    [Fact]
    public void APeriodicTimer_RunsOncePerPeriodPassed_AndTimersDueTogetherRunInArmingOrder()
    {
        var clock = new HarnessClock(new FakeTimeProvider(T0));
        var runs = new List<string>();
        using var periodic = clock.CreateTimer(_ => runs.Add("periodic"), null, Second, Second);
        using var once = clock.CreateTimer(_ => runs.Add("once"), null, Second, Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(3500));

        Assert.Equal(["periodic", "once", "periodic", "periodic"], runs);
        Assert.Equal(1, clock.ScheduledTimers);
    }

    [Fact]
    public void ChangeReArmsFromNow_InfiniteDisarms_DisposeStops_AndZeroRunsAtOnce()
    {
        var clock = new HarnessClock(new FakeTimeProvider(T0));
        var runs = new List<(string Timer, DateTimeOffset At)>();
        var moved = clock.CreateTimer(_ => runs.Add(("moved", clock.GetUtcNow())), null, Second, Timeout.InfiniteTimeSpan);
        var disarmed = clock.CreateTimer(_ => runs.Add(("disarmed", clock.GetUtcNow())), null, Second, Timeout.InfiniteTimeSpan);
        var disposed = clock.CreateTimer(_ => runs.Add(("disposed", clock.GetUtcNow())), null, Second, Second);

        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(moved.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan));
        Assert.True(disarmed.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        disposed.Dispose();
        Assert.False(disposed.Change(Second, Second));
        using var now = clock.CreateTimer(_ => runs.Add(("now", clock.GetUtcNow())), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([("now", T0 + TimeSpan.FromMilliseconds(500)), ("moved", T0 + TimeSpan.FromMilliseconds(5500))], runs);
        Assert.Equal(0, clock.ScheduledTimers);
        moved.Dispose();
        disarmed.Dispose();
    }

    private static void WaitBounded(ManualResetEventSlim signal) =>
        Assert.True(signal.Wait(TimeSpan.FromSeconds(10)), "A signal of the test did not come within 10 s.");
}
