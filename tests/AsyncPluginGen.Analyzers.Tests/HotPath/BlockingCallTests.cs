using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>APG1002: blocking calls reachable from Status.</summary>
public sealed class BlockingCallTests
{
    private const string WaitResult = "synchronous wait for a task's result";

    [Fact]
    public Task Thread_Sleep_is_reported_on_the_whole_invocation()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    {|#0:Thread.Sleep(100)|};
                    return PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(source, Blocking(0, "Thread.Sleep", "thread sleep"));
    }

    [Fact]
    public Task Task_Result_is_reported()
    {
        var source = Plugin("""
                private readonly Task<string> _pending = Task.FromResult("done");
                private readonly ValueTask<int> _count = new ValueTask<int>(1);

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_pending.Result|};
                    _ = {|#1:_count.Result|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Blocking(0, "Task.Result", WaitResult),
            Blocking(1, "ValueTask.Result", WaitResult));
    }

    [Fact]
    public Task Task_Wait_WaitAll_and_WaitAny_are_reported()
    {
        var source = Plugin("""
                private readonly Task _pending = Task.CompletedTask;

                public PhaseInfo Status(R r)
                {
                    {|#0:_pending.Wait()|};
                    {|#1:Task.WaitAll({|#3:_pending|})|};
                    _ = {|#2:Task.WaitAny({|#4:_pending|})|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Blocking(0, "Task.Wait", "synchronous wait for a task"),
            Blocking(1, "Task.WaitAll", "synchronous wait for a task"),
            Allocation(3, "params Task[]", "params array"),
            Blocking(2, "Task.WaitAny", "synchronous wait for a task"),
            Allocation(4, "params Task[]", "params array"));
    }

    [Fact]
    public Task GetAwaiter_GetResult_is_reported_for_tasks_value_tasks_and_configured_awaiters()
    {
        var source = Plugin("""
                private readonly Task<string> _pending = Task.FromResult("done");
                private readonly ValueTask _valueTask = ValueTask.CompletedTask;

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_pending.GetAwaiter().GetResult()|};
                    _ = {|#1:_pending.ConfigureAwait(false).GetAwaiter().GetResult()|};
                    {|#2:_valueTask.GetAwaiter().GetResult()|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Blocking(0, "TaskAwaiter.GetResult", WaitResult),
            Blocking(1, "ConfiguredTaskAwaiter.GetResult", WaitResult),
            Blocking(2, "ValueTaskAwaiter.GetResult", WaitResult));
    }

    [Fact]
    public Task Wait_handles_including_derived_ones_are_reported()
    {
        var source = Plugin("""
                private readonly ManualResetEvent _ready = new ManualResetEvent(true);

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_ready.WaitOne(10)|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Blocking(0, "WaitHandle.WaitOne", "wait on a wait handle"));
    }

    [Fact]
    public Task Slim_primitives_Thread_Join_and_Monitor_are_reported()
    {
        var source = Plugin("""
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
                private readonly ManualResetEventSlim _ready = new ManualResetEventSlim(true);
                private readonly Thread _worker = new Thread(static () => { });
                private readonly object _sync = new object();

                public PhaseInfo Status(R r)
                {
                    {|#0:_gate.Wait()|};
                    {|#1:_ready.Wait()|};
                    {|#2:_worker.Join()|};
                    {|#3:Monitor.Enter(_sync)|};
                    _ = {|#4:Monitor.TryEnter(_sync, 10)|};
                    _ = Monitor.TryEnter(_sync);
                    return default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Blocking(0, "SemaphoreSlim.Wait", "blocking wait"),
            Blocking(1, "ManualResetEventSlim.Wait", "blocking wait"),
            Blocking(2, "Thread.Join", "waits for a thread"),
            Blocking(3, "Monitor.Enter", "blocking wait for a monitor"),
            Blocking(4, "Monitor.TryEnter", "blocking wait for a monitor"));
    }

    [Fact]
    public Task Non_blocking_task_members_are_not_reported()
    {
        var source = Plugin("""
                private readonly Task<string> _pending = Task.FromResult("done");
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);

                public PhaseInfo Status(R r)
                {
                    _ = _pending.IsCompleted;
                    _ = _pending.Status;
                    _ = _gate.WaitAsync();
                    _ = _gate.CurrentCount;
                    Thread.SpinWait(1);
                    return default;
                }
            """);

        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Blocking_call_in_a_helper_is_reported_with_the_chain()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r) => {|#0:Slow(r)|};

                private static PhaseInfo Slow(R r)
                {
                    Thread.Sleep(r.Count);
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Blocking(0, "Status → Slow → Thread.Sleep", "thread sleep"));
    }

    [Fact]
    public Task Lock_around_a_network_call_is_reported_as_lock_held_during_IO()
    {
        var source = Plugin("""
                private readonly object _sync = new object();

                public PhaseInfo Status(R r)
                {
                    {|#0:lock|} (_sync)
                    {
                        _ = {|#1:_client.GetAsync("x")|};
                    }

                    return default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Blocking(0, "lock", "lock held during I/O"),
            Network(1, "HttpClient.GetAsync"));
    }

    [Fact]
    public Task Lock_around_a_helper_that_blocks_is_reported()
    {
        var source = Plugin("""
                private static readonly object Sync = new object();

                public PhaseInfo Status(R r) => {|#0:Guarded()|};

                private static PhaseInfo Guarded()
                {
                    lock (Sync)
                    {
                        return Wait();
                    }
                }

                private static PhaseInfo Wait()
                {
                    Thread.Sleep(1);
                    return default;
                }
            """);

        // The shortest chain to something blocking is the lock itself.
        return Verify.VerifyAsync(source, Blocking(0, "Status → Guarded → lock", "lock held during I/O"));
    }

    [Fact]
    public Task Lock_around_plain_computation_is_not_reported()
    {
        var source = Plugin("""
                private readonly object _sync = new object();
                private int _polls;

                public PhaseInfo Status(R r)
                {
                    lock (_sync)
                    {
                        _polls++;
                    }

                    return default;
                }
            """);

        return Verify.VerifyAsync(source);
    }
}
