namespace AsyncPluginGen.Benchmarks.Host;

// The host benchmarks' plugins: Create hands back a shared meta and resource (so the plugin's own objects are not part of
// the per-task figures), Get returns the shared resource at once, and the job never finishes, so tasks stay in flight.
// The rate limits are Flyte's highest allowed, and the resync is an hour, so nothing is polled unless a benchmark asks.
// Caching.Size caps one plugin at 500,000 created tasks; tasks are spread over three plugins, so that a million tasks
// stay clear of that cap (near it, the host's admission check can park a task until the next resync).

public sealed record HostMeta(string JobId)
{
    public static readonly HostMeta Shared = new("job");
}

public sealed record HostJob(string JobId, [property: PhaseSource] HostJobState State, [property: PhaseMessage] string? Error)
{
    public static readonly HostJob Running = new("job", HostJobState.Running, null);
}

public enum HostJobState
{
    [Phase(TaskPhase.Queued)] Pending,
    [Phase(TaskPhase.Running)] Running,
    [Phase(TaskPhase.Success)] Done,
    [Phase(TaskPhase.PermanentFailure)] Failed,
}

/// <summary>Counts Create and Get calls across the host plugins, and wakes a waiter when the count it waits for is reached.</summary>
internal static class HostCalls
{
    private static long _creates;
    private static long _gets;
    private static long _getTarget = long.MaxValue;
    private static readonly ManualResetEventSlim GetsReached = new(false);
    private static long _createTarget = long.MaxValue;
    private static readonly ManualResetEventSlim CreatesReached = new(false);

    public static long Creates => Interlocked.Read(ref _creates);

    public static long Gets => Interlocked.Read(ref _gets);

    public static void Created()
    {
        if (Interlocked.Increment(ref _creates) == Interlocked.Read(ref _createTarget))
        {
            CreatesReached.Set();
        }
    }

    /// <summary>
    /// Waits until <paramref name="target"/> Create calls have been made in all. Blocks on a signal rather than spinning,
    /// which would take one of the machine's two cores from the host (and from the task store's writer).
    /// </summary>
    public static bool AwaitCreates(long target, TimeSpan timeout)
    {
        CreatesReached.Reset();
        Interlocked.Exchange(ref _createTarget, target);
        var reached = Creates >= target || CreatesReached.Wait(timeout);
        Interlocked.Exchange(ref _createTarget, long.MaxValue);
        return reached;
    }

    public static void Got()
    {
        if (Interlocked.Increment(ref _gets) == Interlocked.Read(ref _getTarget))
        {
            GetsReached.Set();
        }
    }

    /// <summary>Waits until <paramref name="count"/> more Get calls than now have been made, while <paramref name="start"/> runs.</summary>
    public static void AwaitGets(long count, Action start)
    {
        GetsReached.Reset();
        Interlocked.Exchange(ref _getTarget, Gets + count);
        start();
        var reached = GetsReached.Wait(TimeSpan.FromSeconds(60));
        Interlocked.Exchange(ref _getTarget, long.MaxValue);
        if (!reached)
        {
            throw new InvalidOperationException($"Waited a minute for {count} Get calls; {Gets} were made in all.");
        }
    }
}

[AsyncPlugin("host_bench_a")]
[RateLimits(ReadQps = 100_000, ReadBurst = 10_000, WriteQps = 100_000, WriteBurst = 10_000)]
[Caching(Size = 500_000, ResyncSeconds = 3600)]
public sealed partial class HostBenchPluginA
{
    public ValueTask<Created<HostMeta, HostJob>> CreateAsync(TaskContext task, CancellationToken ct)
    {
        HostCalls.Created();
        return new(Created.With(HostMeta.Shared, HostJob.Running));
    }

    public ValueTask<HostJob> GetAsync(HostMeta meta, CancellationToken ct)
    {
        HostCalls.Got();
        return new(HostJob.Running);
    }

    public ValueTask DeleteAsync(HostMeta meta, CancellationToken ct) => default;
}

[AsyncPlugin("host_bench_b")]
[RateLimits(ReadQps = 100_000, ReadBurst = 10_000, WriteQps = 100_000, WriteBurst = 10_000)]
[Caching(Size = 500_000, ResyncSeconds = 3600)]
public sealed partial class HostBenchPluginB
{
    public ValueTask<Created<HostMeta, HostJob>> CreateAsync(TaskContext task, CancellationToken ct)
    {
        HostCalls.Created();
        return new(Created.With(HostMeta.Shared, HostJob.Running));
    }

    public ValueTask<HostJob> GetAsync(HostMeta meta, CancellationToken ct)
    {
        HostCalls.Got();
        return new(HostJob.Running);
    }

    public ValueTask DeleteAsync(HostMeta meta, CancellationToken ct) => default;
}

[AsyncPlugin("host_bench_c")]
[RateLimits(ReadQps = 100_000, ReadBurst = 10_000, WriteQps = 100_000, WriteBurst = 10_000)]
[Caching(Size = 500_000, ResyncSeconds = 3600)]
public sealed partial class HostBenchPluginC
{
    public ValueTask<Created<HostMeta, HostJob>> CreateAsync(TaskContext task, CancellationToken ct)
    {
        HostCalls.Created();
        return new(Created.With(HostMeta.Shared, HostJob.Running));
    }

    public ValueTask<HostJob> GetAsync(HostMeta meta, CancellationToken ct)
    {
        HostCalls.Got();
        return new(HostJob.Running);
    }

    public ValueTask DeleteAsync(HostMeta meta, CancellationToken ct) => default;
}

/// <summary>
/// A plugin whose job flips between Pending and Running with every poll cycle (<see cref="Flip"/>), so every poll changes
/// the task's phase: the case a task store has to write.
/// </summary>
[AsyncPlugin("host_bench_flip")]
[RateLimits(ReadQps = 100_000, ReadBurst = 10_000, WriteQps = 100_000, WriteBurst = 10_000)]
[Caching(Size = 500_000, ResyncSeconds = 3600)]
public sealed partial class HostBenchFlipPlugin
{
    private static readonly HostJob Pending = new("job", HostJobState.Pending, null);

    /// <summary>Which state the next Gets return; the benchmark flips it before each cycle.</summary>
    public static volatile bool Flip;

    public ValueTask<Created<HostMeta, HostJob>> CreateAsync(TaskContext task, CancellationToken ct)
    {
        HostCalls.Created();
        return new(Created.With(HostMeta.Shared, HostJob.Running));
    }

    public ValueTask<HostJob> GetAsync(HostMeta meta, CancellationToken ct)
    {
        HostCalls.Got();
        return new(Flip ? Pending : HostJob.Running);
    }

    public ValueTask DeleteAsync(HostMeta meta, CancellationToken ct) => default;
}
