namespace AsyncPluginGen.Benchmarks.StatusDispatch;

// The Status benchmarks' plugins, for 4 and 32 states, enum and string. The generated ones (no Status method) get their
// Status from the real generator when this project builds. The hand-written ones map the same states to the same
// phases with a switch an author would write, in a static Status the benchmarks also call directly; the generator only
// forwards to it. Through the typed interface, IAsyncPlugin<TMeta, TResource>, the host reaches both kinds alike.

public sealed record JobRef(string Id)
{
    public static readonly JobRef Shared = new("job");
}

internal static class HandWritten
{
    public static string Message(string? error, string fallback) => string.IsNullOrEmpty(error) ? fallback : error;
}

public enum EnumState4
{
    [Phase(TaskPhase.Queued)] Pending,
    [Phase(TaskPhase.Running)] Running,
    [Phase(TaskPhase.Success)] Done,
    [Phase(TaskPhase.PermanentFailure, Code = "JobFailed")] Failed,
}

public sealed record EnumJob4(string Id, [property: PhaseSource] EnumState4 State, [property: PhaseMessage] string? Error);

public sealed record StringJob4(string Id, [property: PhaseSource] string? State, [property: PhaseMessage] string? Error);

/// <summary>4 enum states; Status generated from [Phase].</summary>
[AsyncPlugin("bench_enum4")]
public sealed partial class Enum4Plugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<EnumJob4> GetAsync(JobRef meta, CancellationToken ct) => new(new EnumJob4(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;
}

/// <summary>4 enum states; Status written by hand.</summary>
[AsyncPlugin("bench_enum4_hand")]
public sealed partial class Enum4HandPlugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<EnumJob4> GetAsync(JobRef meta, CancellationToken ct) => new(new EnumJob4(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;

    public static PhaseInfo Status(EnumJob4 job) => job.State switch
    {
        EnumState4.Pending => PhaseInfo.Queued("Pending"),
        EnumState4.Running => PhaseInfo.Running("Running"),
        EnumState4.Done => PhaseInfo.Success("Done"),
        EnumState4.Failed => PhaseInfo.Failure("JobFailed", HandWritten.Message(job.Error, "Failed")),
        _ => PhaseInfo.SystemFailure("UnmappedState", "unmapped state"),
    };
}

/// <summary>4 string states; Status generated from [PhaseMapping].</summary>
[AsyncPlugin("bench_string4")]
[PhaseMapping("PENDING", TaskPhase.Queued)]
[PhaseMapping("RUNNING", TaskPhase.Running)]
[PhaseMapping("DONE", TaskPhase.Success)]
[PhaseMapping("FAILED", TaskPhase.PermanentFailure, Code = "JobFailed")]
public sealed partial class String4Plugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<StringJob4> GetAsync(JobRef meta, CancellationToken ct) => new(new StringJob4(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;
}

/// <summary>4 string states; Status written by hand.</summary>
[AsyncPlugin("bench_string4_hand")]
public sealed partial class String4HandPlugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<StringJob4> GetAsync(JobRef meta, CancellationToken ct) => new(new StringJob4(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;

    public static PhaseInfo Status(StringJob4 job) => job.State switch
    {
        "PENDING" => PhaseInfo.Queued("PENDING"),
        "RUNNING" => PhaseInfo.Running("RUNNING"),
        "DONE" => PhaseInfo.Success("DONE"),
        "FAILED" => PhaseInfo.Failure("JobFailed", HandWritten.Message(job.Error, "FAILED")),
        _ => PhaseInfo.SystemFailure("UnmappedState", "unmapped state"),
    };
}

public enum EnumState32
{
    [Phase(TaskPhase.Queued)] Submitted,
    [Phase(TaskPhase.Queued)] Pending,
    [Phase(TaskPhase.Queued)] Queued,
    [Phase(TaskPhase.Initializing)] Provisioning,
    [Phase(TaskPhase.Initializing)] Starting,
    [Phase(TaskPhase.Initializing)] Downloading,
    [Phase(TaskPhase.Initializing)] Preparing,
    [Phase(TaskPhase.Running)] Running,
    [Phase(TaskPhase.Running)] Training,
    [Phase(TaskPhase.Running)] Uploading,
    [Phase(TaskPhase.Running)] Evaluating,
    [Phase(TaskPhase.Running)] Stopping,
    [Phase(TaskPhase.Success)] Completed,
    [Phase(TaskPhase.Success)] Succeeded,
    [Phase(TaskPhase.Success)] Finished,
    [Phase(TaskPhase.PermanentFailure)] Failed,
    [Phase(TaskPhase.PermanentFailure, Kind = ExecutionErrorKind.System)] Error,
    [Phase(TaskPhase.RetryableFailure)] Timeout,
    [Phase(TaskPhase.PermanentFailure, Code = "OOM")] OutOfMemory,
    [Phase(TaskPhase.RetryableFailure, Kind = ExecutionErrorKind.System)] Preempted,
    [Phase(TaskPhase.WaitingForResources)] Throttled,
    [Phase(TaskPhase.WaitingForResources)] Suspended,
    [Phase(TaskPhase.Initializing)] Resuming,
    [Phase(TaskPhase.Queued)] Retrying,
    [Phase(TaskPhase.Running, Reason = "cancelling")] Cancelling,
    [Phase(TaskPhase.Aborted)] Cancelled,
    [Phase(TaskPhase.RetryableFailure, Cleanup = true)] Expired,
    [Phase(TaskPhase.PermanentFailure, Code = "Rejected", Cleanup = true)] Rejected,
    [Phase(TaskPhase.PermanentFailure)] Invalid,
    [Phase(TaskPhase.Running, Reason = "state unknown")] Unknown,
    [Phase(TaskPhase.WaitingForResources)] Blocked,
    [Phase(TaskPhase.Queued)] Waiting,
}

public sealed record EnumJob32(string Id, [property: PhaseSource] EnumState32 State, [property: PhaseMessage] string? Error);

public sealed record StringJob32(string Id, [property: PhaseSource] string? State, [property: PhaseMessage] string? Error);

/// <summary>32 enum states; Status generated from [Phase].</summary>
[AsyncPlugin("bench_enum32")]
public sealed partial class Enum32Plugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<EnumJob32> GetAsync(JobRef meta, CancellationToken ct) => new(new EnumJob32(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;
}

/// <summary>32 enum states; Status written by hand.</summary>
[AsyncPlugin("bench_enum32_hand")]
public sealed partial class Enum32HandPlugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<EnumJob32> GetAsync(JobRef meta, CancellationToken ct) => new(new EnumJob32(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;

    public static PhaseInfo Status(EnumJob32 job) => job.State switch
    {
        EnumState32.Submitted => PhaseInfo.Queued("Submitted"),
        EnumState32.Pending => PhaseInfo.Queued("Pending"),
        EnumState32.Queued => PhaseInfo.Queued("Queued"),
        EnumState32.Provisioning => PhaseInfo.Initializing("Provisioning"),
        EnumState32.Starting => PhaseInfo.Initializing("Starting"),
        EnumState32.Downloading => PhaseInfo.Initializing("Downloading"),
        EnumState32.Preparing => PhaseInfo.Initializing("Preparing"),
        EnumState32.Running => PhaseInfo.Running("Running"),
        EnumState32.Training => PhaseInfo.Running("Training"),
        EnumState32.Uploading => PhaseInfo.Running("Uploading"),
        EnumState32.Evaluating => PhaseInfo.Running("Evaluating"),
        EnumState32.Stopping => PhaseInfo.Running("Stopping"),
        EnumState32.Completed => PhaseInfo.Success("Completed"),
        EnumState32.Succeeded => PhaseInfo.Success("Succeeded"),
        EnumState32.Finished => PhaseInfo.Success("Finished"),
        EnumState32.Failed => PhaseInfo.Failure("Failed", HandWritten.Message(job.Error, "Failed")),
        EnumState32.Error => PhaseInfo.SystemFailure("Error", HandWritten.Message(job.Error, "Error")),
        EnumState32.Timeout => PhaseInfo.RetryableFailure("Timeout", HandWritten.Message(job.Error, "Timeout")),
        EnumState32.OutOfMemory => PhaseInfo.Failure("OOM", HandWritten.Message(job.Error, "OutOfMemory")),
        EnumState32.Preempted => PhaseInfo.SystemRetryableFailure("Preempted", HandWritten.Message(job.Error, "Preempted")),
        EnumState32.Throttled => PhaseInfo.WaitingForResources("Throttled"),
        EnumState32.Suspended => PhaseInfo.WaitingForResources("Suspended"),
        EnumState32.Resuming => PhaseInfo.Initializing("Resuming"),
        EnumState32.Retrying => PhaseInfo.Queued("Retrying"),
        EnumState32.Cancelling => PhaseInfo.Running("cancelling"),
        EnumState32.Cancelled => PhaseInfo.Aborted("Cancelled"),
        EnumState32.Expired => PhaseInfo.RetryableFailureWithCleanup("Expired", HandWritten.Message(job.Error, "Expired")),
        EnumState32.Rejected => PhaseInfo.FailureWithCleanup("Rejected", HandWritten.Message(job.Error, "Rejected")),
        EnumState32.Invalid => PhaseInfo.Failure("Invalid", HandWritten.Message(job.Error, "Invalid")),
        EnumState32.Unknown => PhaseInfo.Running("state unknown"),
        EnumState32.Blocked => PhaseInfo.WaitingForResources("Blocked"),
        EnumState32.Waiting => PhaseInfo.Queued("Waiting"),
        _ => PhaseInfo.SystemFailure("UnmappedState", "unmapped state"),
    };
}

/// <summary>32 string states; Status generated from [PhaseMapping].</summary>
[AsyncPlugin("bench_string32")]
[PhaseMapping("SUBMITTED", TaskPhase.Queued)]
[PhaseMapping("PENDING", TaskPhase.Queued)]
[PhaseMapping("QUEUED", TaskPhase.Queued)]
[PhaseMapping("PROVISIONING", TaskPhase.Initializing)]
[PhaseMapping("STARTING", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING", TaskPhase.Initializing)]
[PhaseMapping("PREPARING", TaskPhase.Initializing)]
[PhaseMapping("RUNNING", TaskPhase.Running)]
[PhaseMapping("TRAINING", TaskPhase.Running)]
[PhaseMapping("UPLOADING", TaskPhase.Running)]
[PhaseMapping("EVALUATING", TaskPhase.Running)]
[PhaseMapping("STOPPING", TaskPhase.Running)]
[PhaseMapping("COMPLETED", TaskPhase.Success)]
[PhaseMapping("SUCCEEDED", TaskPhase.Success)]
[PhaseMapping("FINISHED", TaskPhase.Success)]
[PhaseMapping("FAILED", TaskPhase.PermanentFailure)]
[PhaseMapping("ERROR", TaskPhase.PermanentFailure, Kind = ExecutionErrorKind.System)]
[PhaseMapping("TIMEOUT", TaskPhase.RetryableFailure)]
[PhaseMapping("OUTOFMEMORY", TaskPhase.PermanentFailure, Code = "OOM")]
[PhaseMapping("PREEMPTED", TaskPhase.RetryableFailure, Kind = ExecutionErrorKind.System)]
[PhaseMapping("THROTTLED", TaskPhase.WaitingForResources)]
[PhaseMapping("SUSPENDED", TaskPhase.WaitingForResources)]
[PhaseMapping("RESUMING", TaskPhase.Initializing)]
[PhaseMapping("RETRYING", TaskPhase.Queued)]
[PhaseMapping("CANCELLING", TaskPhase.Running, Reason = "cancelling")]
[PhaseMapping("CANCELLED", TaskPhase.Aborted)]
[PhaseMapping("EXPIRED", TaskPhase.RetryableFailure, Cleanup = true)]
[PhaseMapping("REJECTED", TaskPhase.PermanentFailure, Code = "Rejected", Cleanup = true)]
[PhaseMapping("INVALID", TaskPhase.PermanentFailure)]
[PhaseMapping("UNKNOWN", TaskPhase.Running, Reason = "state unknown")]
[PhaseMapping("BLOCKED", TaskPhase.WaitingForResources)]
[PhaseMapping("WAITING", TaskPhase.Queued)]
public sealed partial class String32Plugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<StringJob32> GetAsync(JobRef meta, CancellationToken ct) => new(new StringJob32(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;
}

/// <summary>32 string states; Status written by hand.</summary>
[AsyncPlugin("bench_string32_hand")]
public sealed partial class String32HandPlugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<StringJob32> GetAsync(JobRef meta, CancellationToken ct) => new(new StringJob32(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;

    public static PhaseInfo Status(StringJob32 job) => job.State switch
    {
        "SUBMITTED" => PhaseInfo.Queued("SUBMITTED"),
        "PENDING" => PhaseInfo.Queued("PENDING"),
        "QUEUED" => PhaseInfo.Queued("QUEUED"),
        "PROVISIONING" => PhaseInfo.Initializing("PROVISIONING"),
        "STARTING" => PhaseInfo.Initializing("STARTING"),
        "DOWNLOADING" => PhaseInfo.Initializing("DOWNLOADING"),
        "PREPARING" => PhaseInfo.Initializing("PREPARING"),
        "RUNNING" => PhaseInfo.Running("RUNNING"),
        "TRAINING" => PhaseInfo.Running("TRAINING"),
        "UPLOADING" => PhaseInfo.Running("UPLOADING"),
        "EVALUATING" => PhaseInfo.Running("EVALUATING"),
        "STOPPING" => PhaseInfo.Running("STOPPING"),
        "COMPLETED" => PhaseInfo.Success("COMPLETED"),
        "SUCCEEDED" => PhaseInfo.Success("SUCCEEDED"),
        "FINISHED" => PhaseInfo.Success("FINISHED"),
        "FAILED" => PhaseInfo.Failure("FAILED", HandWritten.Message(job.Error, "FAILED")),
        "ERROR" => PhaseInfo.SystemFailure("ERROR", HandWritten.Message(job.Error, "ERROR")),
        "TIMEOUT" => PhaseInfo.RetryableFailure("TIMEOUT", HandWritten.Message(job.Error, "TIMEOUT")),
        "OUTOFMEMORY" => PhaseInfo.Failure("OOM", HandWritten.Message(job.Error, "OUTOFMEMORY")),
        "PREEMPTED" => PhaseInfo.SystemRetryableFailure("PREEMPTED", HandWritten.Message(job.Error, "PREEMPTED")),
        "THROTTLED" => PhaseInfo.WaitingForResources("THROTTLED"),
        "SUSPENDED" => PhaseInfo.WaitingForResources("SUSPENDED"),
        "RESUMING" => PhaseInfo.Initializing("RESUMING"),
        "RETRYING" => PhaseInfo.Queued("RETRYING"),
        "CANCELLING" => PhaseInfo.Running("cancelling"),
        "CANCELLED" => PhaseInfo.Aborted("CANCELLED"),
        "EXPIRED" => PhaseInfo.RetryableFailureWithCleanup("EXPIRED", HandWritten.Message(job.Error, "EXPIRED")),
        "REJECTED" => PhaseInfo.FailureWithCleanup("Rejected", HandWritten.Message(job.Error, "REJECTED")),
        "INVALID" => PhaseInfo.Failure("INVALID", HandWritten.Message(job.Error, "INVALID")),
        "UNKNOWN" => PhaseInfo.Running("state unknown"),
        "BLOCKED" => PhaseInfo.WaitingForResources("BLOCKED"),
        "WAITING" => PhaseInfo.Queued("WAITING"),
        _ => PhaseInfo.SystemFailure("UnmappedState", "unmapped state"),
    };
}
