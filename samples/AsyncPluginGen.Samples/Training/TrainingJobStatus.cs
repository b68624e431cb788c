using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// SageMaker's <c>TrainingJobStatus</c>, mapped to task phases. The generator compiles these mappings into the plugin's
/// allocation-free Status.
/// </summary>
/// <remarks>
/// Read leniently: SageMaker may add a status, and a strict enum converter would then fail every Describe of the job
/// until the host gave up on it (<c>AutoRefreshCacheFailed</c>) while the job kept running. A status this enum does not
/// name reads as <see cref="Unknown"/> instead.
/// </remarks>
[JsonConverter(typeof(LenientEnumConverter<TrainingJobStatus>))]
public enum TrainingJobStatus
{
    /// <summary>
    /// A status this plugin does not know. Mapped to Running, not to a failure: a new status is far more likely a new
    /// step of a live job than a new way to end, and giving up would abandon a job that still holds instances. Polling
    /// goes on until a known status arrives or the task's deadline aborts it (and stops the job).
    /// </summary>
    [Phase(TaskPhase.Running, Reason = "SageMaker reports a status this plugin does not know")]
    Unknown = 0,

    /// <summary>Starting or training; <c>SecondaryStatus</c> says which.</summary>
    [Phase(TaskPhase.Running)]
    InProgress,

    /// <summary>Ended well: the model artifacts are in S3.</summary>
    [Phase(TaskPhase.Success)]
    Completed,

    /// <summary>Ended badly; <c>FailureReason</c> says why, and becomes the task's error message.</summary>
    [Phase(TaskPhase.PermanentFailure, Code = "TrainingJobFailed")]
    Failed,

    /// <summary>
    /// A stop was requested and the instances are shutting down. Still Running, not Aborted: the job still holds its
    /// instances (and its quota token should too), and Aborted is terminal, so the host would stop polling and never
    /// see the job reach Stopped. When the host itself aborts, it stops polling at once and never sees this status.
    /// </summary>
    [Phase(TaskPhase.Running, Reason = "Stopping")]
    Stopping,

    /// <summary>Stopped, by this plugin's Delete or by someone else (the console, another client).</summary>
    [Phase(TaskPhase.Aborted)]
    Stopped,
}
