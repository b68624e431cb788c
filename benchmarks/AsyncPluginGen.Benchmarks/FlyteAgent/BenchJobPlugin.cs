namespace AsyncPluginGen.Benchmarks.FlyteAgent;

/// <summary>
/// The plugin behind the agent in the load test: Create and Get answer from memory with no I/O and no allocation of
/// their own, and its limits never throttle, so the table shows the agent's own cost over the bare gRPC service.
/// </summary>
[AsyncPlugin(TaskType, Version = 1)]
[RateLimits(ReadQps = 100_000, ReadBurst = 10_000, WriteQps = 100_000, WriteBurst = 10_000)]
public sealed partial class BenchJobPlugin
{
    public const string TaskType = "bench_job";

    private static readonly BenchJob Running = new("job", BenchJobState.Running);

    public ValueTask<BenchJobMeta> CreateAsync(TaskContext task, CancellationToken ct) => new(new BenchJobMeta(task.UniqueName));

    public ValueTask<BenchJob> GetAsync(BenchJobMeta meta, CancellationToken ct) => new(Running);

    public ValueTask DeleteAsync(BenchJobMeta meta, DeleteReason reason, CancellationToken ct) => default;
}

public sealed record BenchJobMeta(string JobId);

public sealed record BenchJob(string Id, [property: PhaseSource] BenchJobState State);

public enum BenchJobState
{
    [Phase(TaskPhase.Queued)] Pending,
    [Phase(TaskPhase.Running)] Running,
    [Phase(TaskPhase.Success)] Done,
}
