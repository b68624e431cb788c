namespace AsyncPluginGen.Generators.Tests.Sources;

// One file on purpose: the representative plugins are one catalogue; snapshot, surface, purity and caching tests run every entry.

/// <summary>Representative plugin declarations, each exercising a different part of the authoring model.</summary>
internal static class PluginSources
{
    /// <summary>The DESIGN.md example: enum states with [Phase], records, a primary constructor, every config attribute.</summary>
    public const string EnumStates = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        namespace Contoso.Warehouse
        {
            public sealed class WarehouseClient
            {
                public int Creates;
                public int Deletes;
                public QueryJob Next = new("q-1", QueryState.Pending, null);
                public ValueTask<string> SubmitAsync(string key, CancellationToken ct) { Creates++; return new ValueTask<string>("q-" + key); }
                public ValueTask<QueryJob> GetAsync(string id, CancellationToken ct) => new(Next with { Id = id });
                public ValueTask CancelAsync(string id, CancellationToken ct) { Deletes++; return default; }
            }

            [AsyncPlugin("warehouse_query", Version = 2)]
            [RateLimits(ReadQps = 30, ReadBurst = 300, WriteQps = 20.5, WriteBurst = 200)]
            [Caching(Size = 50_000, ResyncSeconds = 15, Workers = 4, MaxSystemFailures = 3)]
            [ResourceQuota("warehouse", 500, ProjectLimit = 100)]
            public sealed partial class WarehousePlugin(WarehouseClient client)
            {
                public async ValueTask<Created<QueryMeta, QueryJob>> CreateAsync(TaskContext task, CancellationToken ct)
                    => new QueryMeta(await client.SubmitAsync(task.UniqueName, ct));

                public ValueTask<QueryJob> GetAsync(QueryMeta meta, CancellationToken ct) => client.GetAsync(meta.JobId, ct);

                public ValueTask DeleteAsync(QueryMeta meta, DeleteReason reason, CancellationToken ct) => client.CancelAsync(meta.JobId, ct);
            }

            public sealed record QueryMeta(string JobId);

            public sealed record QueryJob(string Id, [property: PhaseSource] QueryState State, [property: PhaseMessage] string? Error);

            public enum QueryState
            {
                [Phase(TaskPhase.Queued)] Pending,
                [Phase(TaskPhase.Running, Reason = "query running")] Running,
                [Phase(TaskPhase.Success)] Done,
                [Phase(TaskPhase.PermanentFailure, Code = "QueryFailed")] Failed,
                Unknown,
            }
        }
        """;

    /// <summary>String states (BigQuery-like), a file-scoped namespace, Task-returning handlers, [DefaultPhase].</summary>
    public const string StringStates = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        namespace Contoso.Jobs;

        public sealed record JobRef(string Id);

        public sealed class JobStatus
        {
            [PhaseSource] public string? State { get; init; }
            [PhaseMessage] public string? ErrorResult { get; init; }
        }

        [AsyncPlugin("bq_job", "bq_job_v2")]
        [PhaseMapping("PENDING", TaskPhase.Queued)]
        [PhaseMapping("RUNNING", TaskPhase.Running)]
        [PhaseMapping("DONE", TaskPhase.Success)]
        [PhaseMapping("FAILED", TaskPhase.RetryableFailure, Code = "JobFailed", Kind = ExecutionErrorKind.System, Cleanup = true)]
        [DefaultPhase(TaskPhase.Running)]
        internal sealed partial class JobPlugin
        {
            public Task<JobRef> CreateAsync(TaskContext task) => Task.FromResult(new JobRef(task.UniqueName));
            public Task<JobStatus> GetAsync(JobRef job) => Task.FromResult(new JobStatus { State = "DONE" });
            public Task DeleteAsync(JobRef job, CancellationToken ct) => Task.CompletedTask;
        }
        """;

    /// <summary>Case-insensitive string states, the global namespace, synchronous handlers without tokens, no default.</summary>
    public const string IgnoreCaseStates = """
        using AsyncPluginGen;

        public sealed record Ticket(int Number);
        public sealed record TicketState([property: PhaseSource(IgnoreCase = true)] string Status);

        [AsyncPlugin("ticket")]
        [PhaseMapping("open", TaskPhase.Queued, Reason = "ticket open")]
        [PhaseMapping("in_progress", TaskPhase.Running)]
        [PhaseMapping("closed", TaskPhase.Success)]
        [PhaseMapping("rejected", TaskPhase.PermanentFailure, Reason = "the ticket was rejected")]
        public partial class TicketPlugin
        {
            private int _next;
            public Ticket Create(TaskContext task) => new(++_next);
            public TicketState Get(Ticket ticket) => new("CLOSED");
            public void Delete(Ticket ticket) { }
        }
        """;

    /// <summary>Ten string states with messages: Status hashes the state to a slot of a table (failures keep a switch on the slot).</summary>
    public const string ManyStringStates = """
        using AsyncPluginGen;

        namespace Contoso.Batch;

        public sealed record BatchRef(string Id);
        public sealed record BatchJob([property: PhaseSource] string? State, [property: PhaseMessage] string? Message);

        [AsyncPlugin("batch")]
        [PhaseMapping("SUBMITTED", TaskPhase.Queued)]
        [PhaseMapping("PENDING", TaskPhase.Queued)]
        [PhaseMapping("RUNNABLE", TaskPhase.WaitingForResources)]
        [PhaseMapping("STARTING", TaskPhase.Initializing)]
        [PhaseMapping("RUNNING", TaskPhase.Running)]
        [PhaseMapping("STOPPING", TaskPhase.Running, Reason = "stopping")]
        [PhaseMapping("SUCCEEDED", TaskPhase.Success)]
        [PhaseMapping("FAILED", TaskPhase.PermanentFailure, Code = "BatchFailed")]
        [PhaseMapping("EVICTED", TaskPhase.RetryableFailure, Kind = ExecutionErrorKind.System, Cleanup = true)]
        [PhaseMapping("CANCELLED", TaskPhase.Aborted)]
        public sealed partial class BatchPlugin
        {
            public BatchRef Create(TaskContext task) => new(task.UniqueName);
            public BatchJob Get(BatchRef job) => new("RUNNING", null);
            public void Delete(BatchRef job) { }
        }
        """;

    /// <summary>A handwritten Status over two fields (Databricks-like runs), Create returning the resource too.</summary>
    public const string HandwrittenStatus = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        namespace Contoso.Runs;

        public sealed record RunId(long Value);
        public sealed record Run(long Id, string LifeCycleState, string? ResultState, string? StateMessage);

        [AsyncPlugin("notebook_run")]
        public sealed partial class NotebookRunPlugin
        {
            public ValueTask<Created<RunId, Run>> CreateAsync(TaskContext task, CancellationToken ct)
                => new(Created.With(new RunId(1), new Run(1, "PENDING", null, null)));

            public ValueTask<Run> GetAsync(RunId id, CancellationToken ct) => new(new Run(id.Value, "TERMINATED", "SUCCESS", null));

            public ValueTask DeleteAsync(RunId id, CancellationToken ct) => default;

            public static PhaseInfo Status(in StatusContext<RunId, Run> context) => context.Resource.LifeCycleState switch
            {
                "PENDING" => PhaseInfo.Queued("pending"),
                "RUNNING" or "TERMINATING" => PhaseInfo.Running(),
                "TERMINATED" when context.Resource.ResultState == "SUCCESS" => PhaseInfo.Success(),
                "TERMINATED" => PhaseInfo.Failure(context.Resource.ResultState, context.Resource.StateMessage),
                _ => PhaseInfo.SystemFailure("InternalError", context.Resource.StateMessage),
            };
        }
        """;

    /// <summary>Create returning only the meta as a ValueTask, static handlers, no Delete, a handwritten Status(resource).</summary>
    public const string MetaOnlyNoDelete = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        namespace Contoso.Lite
        {
            public sealed record Handle(string Id);
            public sealed record Snapshot(bool Finished);

            [AsyncPlugin("lite")]
            public sealed partial class LitePlugin
            {
                public static ValueTask<Handle> CreateAsync(TaskContext task, CancellationToken ct) => new(new Handle(task.UniqueName));
                public static Snapshot Get(Handle handle) => new(true);
                public static PhaseInfo Status(Snapshot snapshot) => snapshot.Finished ? PhaseInfo.Success() : PhaseInfo.Running();
            }
        }
        """;

    /// <summary>A sync plugin with an async Do handler and a dependency.</summary>
    public const string SyncPlugin = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        namespace Contoso.Sync
        {
            public sealed class Echo { public string Prefix = "echo:"; }

            [SyncPlugin("echo", Id = "echo-plugin")]
            [RateLimits(WriteQps = 5, WriteBurst = 10)]
            public sealed partial class EchoPlugin(Echo echo)
            {
                public ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken ct)
                    => new(PhaseInfo.Success(echo.Prefix + task.TaskType));
            }
        }
        """;

    /// <summary>A record plugin with a GetResourceRequirements handler, several quotas, an optional dependency and an enum with aliases.</summary>
    public const string RecordWithRequirements = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        namespace Contoso.Training
        {
            public sealed class Logger { }
            public sealed record TrainingJob(string Name);
            public sealed record TrainingStatus([property: PhaseSource] TrainingState? State, [property: PhaseMessage] string? FailureReason);

            public enum TrainingState
            {
                [Phase(TaskPhase.Initializing)] Starting,
                [Phase(TaskPhase.Running)] InProgress,
                Training = InProgress,
                [Phase(TaskPhase.Success)] Completed,
                [Phase(TaskPhase.RetryableFailure, Code = "CapacityError", Kind = ExecutionErrorKind.System)] Failed,
                [Phase(TaskPhase.Running, Reason = "stopping")] Stopping,
                [Phase(TaskPhase.Aborted)] Stopped,
            }

            [AsyncPlugin("training", "training_gpu", Id = "sagemaker-training", Version = 3)]
            [ResourceQuota("gpu", 8)]
            [ResourceQuota("cpu", 100, NamespaceLimit = 10)]
            public sealed partial record TrainingPlugin(string Region, Logger? Log = null, int Retries = 3)
            {
                public Task<TrainingJob> CreateAsync(TaskContext task, CancellationToken ct) => Task.FromResult(new TrainingJob(task.UniqueName));
                public Task<TrainingStatus> GetAsync(TrainingJob job, CancellationToken ct) => Task.FromResult(new TrainingStatus(TrainingState.Completed, null));
                public Task DeleteAsync(TrainingJob job, DeleteReason reason) => Task.CompletedTask;
                public ResourceRequirements GetResourceRequirements(TaskContext task)
                    => new(task.TaskType == "training_gpu" ? "gpu" : "cpu", new ResourceConstraintsSpec(null, 10));
            }
        }
        """;

    /// <summary>Two plugins, async and sync, in one file.</summary>
    public const string TwoPluginsOneFile = """
        using AsyncPluginGen;

        namespace Contoso.Many
        {
            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("alpha")]
            [PhaseMapping("ok", TaskPhase.Success)]
            public partial class AlphaPlugin
            {
                public M Create(TaskContext task) => new("a");
                public R Get(M meta) => new("ok");
                public void Delete(M meta, DeleteReason reason) { }
            }

            [SyncPlugin("beta")]
            public partial class BetaPlugin
            {
                public PhaseInfo Do(TaskContext task) => PhaseInfo.Success();
            }
        }
        """;

    /// <summary>One plugin split across two files: attributes in one part, handlers in the other.</summary>
    public static readonly string[] SplitAcrossFiles =
    [
        """
        using AsyncPluginGen;

        namespace Contoso.Split;

        [AsyncPlugin("split")]
        [PhaseMapping("done", TaskPhase.Success)]
        public sealed partial class SplitPlugin
        {
            public System.Threading.Tasks.ValueTask<SplitMeta> CreateAsync(TaskContext task) => new(new SplitMeta(1));
        }
        """,
        """
        using AsyncPluginGen;

        namespace Contoso.Split;

        public sealed record SplitMeta(int Id);
        public sealed record SplitResource([property: PhaseSource] string State);

        public sealed partial class SplitPlugin
        {
            public SplitResource Get(SplitMeta meta) => new("done");
            public System.Threading.Tasks.Task DeleteAsync(SplitMeta meta) => System.Threading.Tasks.Task.CompletedTask;
        }
        """,
    ];

    /// <summary>
    /// [TaskInfoSource]: the TaskInfo Get kept on the resource goes with every phase. String states with [DefaultPhase]
    /// and a phase of every kind the emitter writes differently (a record property); enum states without a default, so
    /// the unmapped failure carries it too (a field, not nullable).
    /// </summary>
    public const string TaskInfoSource = """
        using AsyncPluginGen;

        namespace Contoso.Consoles;

        public sealed record ConsoleJobId(string Id);

        public sealed record ConsoleJob([property: PhaseSource] string? State, [property: PhaseMessage] string? Error, [property: TaskInfoSource] TaskInfo? Info);

        [AsyncPlugin("console_job")]
        [PhaseMapping("QUEUED", TaskPhase.Queued)]
        [PhaseMapping("RUNNING", TaskPhase.Running)]
        [PhaseMapping("SUCCEEDED", TaskPhase.Success)]
        [PhaseMapping("FAILED", TaskPhase.PermanentFailure, Code = "JobFailed")]
        [PhaseMapping("PREEMPTED", TaskPhase.RetryableFailure, Kind = ExecutionErrorKind.System, Cleanup = true)]
        [PhaseMapping("LOST", TaskPhase.Undefined)]
        [DefaultPhase(TaskPhase.Running)]
        public sealed partial class ConsolePlugin
        {
            public ConsoleJobId Create(TaskContext task) => new(task.UniqueName);
            public ConsoleJob Get(ConsoleJobId job) => new("RUNNING", null, new TaskInfo { Logs = [new TaskLog("Console", "https://console.example/jobs/" + job.Id)] });
            public void Delete(ConsoleJobId job) { }
        }

        public sealed record ClusterRef(string Name);

        public sealed class ClusterJob(ClusterState state, TaskInfo details)
        {
            [PhaseSource] public ClusterState State { get; } = state;
            [TaskInfoSource] public readonly TaskInfo Details = details;
        }

        public enum ClusterState
        {
            [Phase(TaskPhase.Running)] Up,
            [Phase(TaskPhase.Success)] Done,
            Lost,
        }

        [AsyncPlugin("cluster_job")]
        public sealed partial class ClusterPlugin
        {
            public ClusterRef Create(TaskContext task) => new(task.UniqueName);
            public ClusterJob Get(ClusterRef cluster) => new(ClusterState.Up, new TaskInfo());
            public void Delete(ClusterRef cluster) { }
        }
        """;

    /// <summary>Every single-file case, by name, for theories.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        [nameof(EnumStates)] = [EnumStates],
        [nameof(StringStates)] = [StringStates],
        [nameof(IgnoreCaseStates)] = [IgnoreCaseStates],
        [nameof(ManyStringStates)] = [ManyStringStates],
        [nameof(HandwrittenStatus)] = [HandwrittenStatus],
        [nameof(MetaOnlyNoDelete)] = [MetaOnlyNoDelete],
        [nameof(SyncPlugin)] = [SyncPlugin],
        [nameof(RecordWithRequirements)] = [RecordWithRequirements],
        [nameof(TwoPluginsOneFile)] = [TwoPluginsOneFile],
        [nameof(TaskInfoSource)] = [TaskInfoSource],
        [nameof(SplitAcrossFiles)] = SplitAcrossFiles,
    };
}
