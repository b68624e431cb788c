namespace AsyncPluginGen;

/// <summary>
/// The phase of a task as reported by a plugin's Status. The members and their order mirror Flyte's
/// <c>pluginmachinery/core.Phase</c>, so phases map one to one onto Flyte's.
/// </summary>
public enum TaskPhase : sbyte
{
    /// <summary>The phase is not known; the host treats it like <see cref="NotReady"/>.</summary>
    Undefined = 0,

    /// <summary>The task is not ready to run yet (for example, waiting on a dependency).</summary>
    NotReady,

    /// <summary>The task waits for a quota or another resource before it can start.</summary>
    WaitingForResources,

    /// <summary>The remote service accepted the job and has queued it.</summary>
    Queued,

    /// <summary>The remote service is preparing the job (provisioning, pulling images, ...).</summary>
    Initializing,

    /// <summary>The job is running.</summary>
    Running,

    /// <summary>The job finished successfully. Terminal.</summary>
    Success,

    /// <summary>The job failed in a way that a retry may fix. Terminal for this attempt.</summary>
    RetryableFailure,

    /// <summary>The job failed and retrying will not help. Terminal.</summary>
    PermanentFailure,

    /// <summary>The task waits for a cached result computed by another execution.</summary>
    WaitingForCache,

    /// <summary>The task was aborted. Terminal.</summary>
    Aborted,
}
