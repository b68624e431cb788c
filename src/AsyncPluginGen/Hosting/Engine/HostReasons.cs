namespace AsyncPluginGen.Hosting;

/// <summary>The reasons and error codes the host reports, Flyte's where Flyte has one.</summary>
public static class HostReasons
{
    /// <summary>Flyte's reason when a quota token is granted.</summary>
    public const string AllocationTokenAcquired = "Allocation token required";

    /// <summary>Flyte's reason while waiting for quota.</summary>
    public const string WaitingForQuota = "Quota for task has exceeded. Waiting for the resource.";

    /// <summary>Flyte's reason right after Create.</summary>
    public const string Launched = "launched";

    /// <summary>Flyte's reason while the created job has not been polled yet.</summary>
    public const string JobSubmitted = "job submitted";

    /// <summary>Waiting because the polling cache is full (Flyte evicts instead).</summary>
    public const string WaitingForCacheCapacity = "Polling cache is full. Waiting for a task to finish.";

    /// <summary>Flyte's error code when Create fails.</summary>
    public const string TaskFailedWithError = "TaskFailedWithError";

    /// <summary>Flyte's error code when Get failed more than MaxSystemFailures times in a row.</summary>
    public const string AutoRefreshCacheFailed = "AutoRefreshCacheFailed";

    /// <summary>Flyte's error code when the task's deadline passes.</summary>
    public const string TimeoutExpired = "TimeoutExpired";

    /// <summary>Flyte's error code when a succeeded task's outputs cannot be read or written.</summary>
    public const string OutputsNotFound = "OutputsNotFound";

    /// <summary>The reason of an aborted task (what Flyte passes to Delete).</summary>
    public const string Aborted = "Aborted";

    /// <summary>
    /// The error code when Create returned a null ResourceMeta: Get and Delete could never name the job, so the task fails
    /// at once instead of polling with nothing.
    /// </summary>
    public const string NullResourceMeta = "NullResourceMeta";

    /// <summary>
    /// The error code of a task the host stopped before it ended (seen by watchers and observers; its handle's
    /// completion throws <see cref="OperationCanceledException"/>). Its remote job was not deleted.
    /// </summary>
    public const string HostStopped = "HostStopped";

    /// <summary>
    /// The error code of an aborted task whose Delete ran out of attempts: the phase stays <see cref="TaskPhase.Aborted"/>,
    /// and its message names the plugin, the task and the last Delete error. Its remote job may still exist.
    /// </summary>
    public const string DeleteGaveUp = "DeleteGaveUp";

    /// <summary>The error code when Status or ResourceRequirements throws.</summary>
    public const string SystemError = ExecutionError.SystemErrorCode;
}
