using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>
/// The remote-call wrapper's cost per poll (issue 13 made it 545 B per task and poll): a Get that completes at once
/// allocates nothing in steady state. Its cancellation source (the call's timeout on the host clock, the caller's token,
/// the task's interrupt) is reused from call to call, and reused only when nothing cancelled it.
/// </summary>
public sealed class RemoteCallAllocationTests
{
    private const int Calls = 1_000;

    // A Get without span and metric: other tests' activity and meter listeners, running in parallel, would otherwise
    // make this thread allocate spans and measurements that are not the wrapper's.
    private static readonly RemoteOperation Read = new(null, null, Writes: false, CallKind.Get);
    private static readonly RemoteOperation Write = new(null, null, Writes: true, CallKind.Create);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACallThatCompletesAtOnce_AllocatesNothing_InSteadyState(bool writes)
    {
        // Not FakeTimeProvider: its timer allocates on every Change (the test clock's cost, not the host's); this clock's
        // timer, like the system's, does not.
        var clock = new StillClock();
        var (calls, record, _, stopping) = NewCalls(clock);
        await using var _ = calls;
        var operation = writes ? Write : Read;
        CallBatch(calls, operation, record, stopping.Token); // warm-up: the pooled source, the token's registration node, the JIT

        clock.Now += TimeSpan.FromMinutes(1);
        calls.Refill(clock.GetUtcNow());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var failures = CallBatch(calls, operation, record, stopping.Token);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, failures);
        Assert.Equal(Calls * StateMachineBytes(), allocated);
    }

    /// <summary>
    /// What an async call that completes at once allocates by itself: nothing in an optimized build (the state machine
    /// is a struct, boxed only when it suspends); in a Debug build, where the compiler makes it a class, one instance of
    /// the wrapper's state machine per call. That object, measured here, is the only allowance.
    /// </summary>
    private static long StateMachineBytes() => AsyncStateMachines.Bytes(typeof(RemoteCalls), "InvokeAsync", typeof(int), typeof(int));

    [Fact]
    public async Task ASourceAnInterruptCancelled_IsNotReused()
    {
        var (calls, record, _, stopping) = NewCalls();
        await using var __ = calls;
        CancellationToken interrupted = default;
        var outcome = await calls.InvokeAsync(Read, record, 0, (_, ct) =>
        {
            interrupted = ct;
            Assert.True(record.TryInterrupt(TaskInterrupt.Abort));
            ct.ThrowIfCancellationRequested();
            return new ValueTask<int>(0);
        }, stopping.Token);
        Assert.Equal(CallResult.Interrupted, outcome.Result);
        Assert.True(interrupted.IsCancellationRequested);

        var other = NewRecord();
        CancellationToken next = default;
        var second = await calls.InvokeAsync(Read, other, 0, (_, ct) =>
        {
            next = ct;
            return new ValueTask<int>(1);
        }, stopping.Token);
        Assert.True(second.Succeeded);
        Assert.False(next.IsCancellationRequested);
        Assert.NotEqual(interrupted, next);
    }

    [Fact]
    public async Task AReusedSource_TimesOutOnItsOwnArming_NotAnEarlierOne()
    {
        var (calls, record, time, stopping) = NewCalls();
        await using var _ = calls;
        CancellationToken first = default;
        Assert.True((await calls.InvokeAsync(Read, record, 0, (_, ct) =>
        {
            first = ct;
            return new ValueTask<int>(0);
        }, stopping.Token)).Succeeded);

        // The same source, armed again later: the Get's timeout (30 s by default) counts from this call.
        time.Advance(TimeSpan.FromSeconds(20));
        var hang = new TaskCompletionSource<int>();
        CancellationToken second = default;
        var pending = calls.InvokeAsync(Read, record, 0, (_, ct) =>
        {
            second = ct;
            return new ValueTask<int>(hang.Task);
        }, stopping.Token);
        Assert.Equal(first, second);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(second.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await pending;
        Assert.Equal(CallResult.Transient, outcome.Result);
        Assert.IsType<TimeoutException>(outcome.Exception);
        hang.SetResult(0);
    }

    private static int CallBatch(RemoteCalls calls, RemoteOperation operation, TaskRecord record, CancellationToken token)
    {
        var failures = 0;
        for (var i = 0; i < Calls; i++)
        {
            var pending = calls.InvokeAsync(operation, record, i, static (state, _) => new ValueTask<int>(state), token);
            if (!pending.IsCompletedSuccessfully)
            {
                failures++;
                continue;
            }

            using var outcome = pending.Result;
            if (!outcome.Succeeded || outcome.Value != i)
            {
                failures++;
            }
        }

        return failures;
    }

    private static (RemoteCalls Calls, TaskRecord Record, FakeTimeProvider Time, CancellationTokenSource Stopping) NewCalls(TimeProvider? clock = null)
    {
        var fake = new FakeTimeProvider(HostHarness.T0);
        var time = clock ?? fake;
        var stopping = new CancellationTokenSource();
        var host = new HostContext
        {
            Time = time,
            Resources = new InMemoryResourceManager(),
            Options = new PluginHostOptions(),
            Metrics = new HostMetrics(),
            Logger = NullLogger.Instance,
            Stopping = stopping.Token,
            Tasks = new TaskTable(),
            Feed = new PhaseFeed(NullLogger.Instance),
        };
        var config = new PluginConfig
        {
            ReadRateLimiter = new RateLimiterConfig { Qps = 100_000, Burst = 10_000 },
            WriteRateLimiter = new RateLimiterConfig { Qps = 100_000, Burst = 10_000 },
        };
        return (new RemoteCalls(host, config, "alloc"), NewRecord(), fake, stopping);
    }

    private static TaskRecord NewRecord() =>
        new AsyncTaskRecord<string, string>(new TaskContext("alloc", new TaskExecutionId("p", "d", "e", "n")), "alloc", null);

    /// <summary>A clock that moves when told and whose timers never fire: arming and disarming them allocates nothing.</summary>
    private sealed class StillClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = HostHarness.T0;

        public override DateTimeOffset GetUtcNow() => Now;

        public override long GetTimestamp() => Now.UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new StillTimer();

        private sealed class StillTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
