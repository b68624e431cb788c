using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// Databricks' <c>life_cycle_state</c>, parsed once when the run is read so that Status compares enum values, not
/// strings. A state this version does not know reads as <see cref="Unknown"/> rather than failing Get: Databricks has
/// added states before (QUEUED, BLOCKED, WAITING_FOR_RETRY), and a poll that throws would end healthy tasks.
/// </summary>
[JsonConverter(typeof(RunLifeCycleStateConverter))]
public enum RunLifeCycleState
{
    /// <summary>A state this version of the plugin does not know.</summary>
    Unknown = 0,

    /// <summary><c>QUEUED</c>: waiting for a concurrency slot.</summary>
    Queued,

    /// <summary><c>PENDING</c>: triggered; its cluster is being prepared.</summary>
    Pending,

    /// <summary><c>RUNNING</c>: the notebook runs.</summary>
    Running,

    /// <summary><c>TERMINATING</c>: the run has finished or was cancelled, and its cluster is being cleaned up.</summary>
    Terminating,

    /// <summary><c>TERMINATED</c>: the run ended; <see cref="RunState.ResultState"/> says how.</summary>
    Terminated,

    /// <summary><c>SKIPPED</c>: the run never executed.</summary>
    Skipped,

    /// <summary><c>INTERNAL_ERROR</c>: the run ended because Databricks' own infrastructure failed.</summary>
    InternalError,

    /// <summary><c>BLOCKED</c>: waiting on an upstream dependency.</summary>
    Blocked,

    /// <summary><c>WAITING_FOR_RETRY</c>: a task failed and waits for its retry.</summary>
    WaitingForRetry,
}

/// <summary>Reads and writes <see cref="RunLifeCycleState"/> with Databricks' names.</summary>
public sealed class RunLifeCycleStateConverter() : WireEnumConverter<RunLifeCycleState>(
    RunLifeCycleState.Unknown,
    ("QUEUED", RunLifeCycleState.Queued),
    ("PENDING", RunLifeCycleState.Pending),
    ("RUNNING", RunLifeCycleState.Running),
    ("TERMINATING", RunLifeCycleState.Terminating),
    ("TERMINATED", RunLifeCycleState.Terminated),
    ("SKIPPED", RunLifeCycleState.Skipped),
    ("INTERNAL_ERROR", RunLifeCycleState.InternalError),
    ("BLOCKED", RunLifeCycleState.Blocked),
    ("WAITING_FOR_RETRY", RunLifeCycleState.WaitingForRetry));
