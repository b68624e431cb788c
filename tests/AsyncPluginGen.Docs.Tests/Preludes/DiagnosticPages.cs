// The types the examples of docs/diagnostics/*.md stand on, compiled with each of their C# blocks (the pages say so).
// A block that declares a type of the same name replaces the one here. The partial plugin classes at the end are the
// handlers that a block's "// handlers" or "/* handlers */" stands for: for a block whose class of that name has the
// placeholder, without their attributes; for a block that does not declare the class (a page showing only a meta or
// a resource), as they are, so the block's types belong to a plugin. Not part of the test assembly.
global using AsyncPluginGen;

public sealed class WarehouseClient
{
    public ValueTask<QueryMeta> SubmitAsync(string idempotencyKey, CancellationToken ct) => default;
    public ValueTask<QueryJob> GetAsync(string jobId, CancellationToken ct) => default;
    public QueryJob GetCached(string jobId) => default!;
    public ValueTask CancelAsync(string jobId, CancellationToken ct) => default;
}

public sealed record QueryMeta(string JobId);

public sealed record QueryJob(string Id, [property: PhaseSource] QueryState State, [property: PhaseMessage] string? Error);

public enum QueryState
{
    [Phase(TaskPhase.Queued)] Pending,
    [Phase(TaskPhase.Running)] Running,
    [Phase(TaskPhase.Success)] Done,
    [Phase(TaskPhase.PermanentFailure, Code = "QueryFailed")] Failed,
}

public sealed class NotebookClient
{
    public ValueTask<NotebookMeta> SubmitAsync(string idempotencyKey, CancellationToken ct) => default;
    public ValueTask<NotebookRun> GetAsync(string runId, CancellationToken ct) => default;
    public ValueTask CancelAsync(string runId, CancellationToken ct) => default;
}

public sealed record NotebookMeta(string RunId);

public sealed record NotebookRun(string RunId, [property: PhaseSource] string State);

public sealed class TrainingClient
{
    public ValueTask<TrainingMeta> SubmitAsync(string idempotencyKey, CancellationToken ct) => default;
    public ValueTask<TrainingJob> GetAsync(string name, CancellationToken ct) => default;
    public ValueTask StopAsync(string name, CancellationToken ct) => default;
}

public sealed record TrainingMeta(string Name);

public sealed record TrainingJob(string Name, [property: PhaseSource] string State);

[AsyncPlugin("warehouse_query")]
public sealed partial class WarehousePlugin
{
    public ValueTask<QueryMeta> CreateAsync(TaskContext task, CancellationToken ct) => default;
    public ValueTask<QueryJob> GetAsync(QueryMeta meta, CancellationToken ct) => default;
    public ValueTask DeleteAsync(QueryMeta meta, DeleteReason reason, CancellationToken ct) => default;
}

[AsyncPlugin("warehouse_query_v2")]
public sealed partial class WarehouseV2Plugin
{
    public ValueTask<QueryMeta> CreateAsync(TaskContext task, CancellationToken ct) => default;
    public ValueTask<QueryJob> GetAsync(QueryMeta meta, CancellationToken ct) => default;
    public ValueTask DeleteAsync(QueryMeta meta, DeleteReason reason, CancellationToken ct) => default;
}

[AsyncPlugin("notebook")]
public sealed partial class NotebookPlugin
{
    public ValueTask<NotebookMeta> CreateAsync(TaskContext task, CancellationToken ct) => default;
    public ValueTask<NotebookRun> GetAsync(NotebookMeta meta, CancellationToken ct) => default;
    public ValueTask DeleteAsync(NotebookMeta meta, DeleteReason reason, CancellationToken ct) => default;
}

[AsyncPlugin("training")]
public sealed partial class TrainingPlugin
{
    public ValueTask<TrainingMeta> CreateAsync(TaskContext task, CancellationToken ct) => default;
    public ValueTask<TrainingJob> GetAsync(TrainingMeta meta, CancellationToken ct) => default;
    public ValueTask DeleteAsync(TrainingMeta meta, DeleteReason reason, CancellationToken ct) => default;
}
