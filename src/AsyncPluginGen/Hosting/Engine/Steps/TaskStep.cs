namespace AsyncPluginGen.Hosting;

/// <summary>
/// Where the engine is in driving one task: the explicit form of what <see cref="PluginState"/> (Flyte's three
/// non-terminal phases) leaves implicit, namely the parked and backing-off variants of each and the Delete that must
/// precede an abort, a deadline or a cleanup. <see cref="TaskSteps.Next"/> is the only place that moves between them
/// on a wake-up; the step handlers move forward on their own outcomes.
/// </summary>
internal enum TaskStep : byte
{
    /// <summary>NotStarted: ask for a quota token (skipped when the plugin has no quotas).</summary>
    Allocate,

    /// <summary>Parked in the quota gate until a token is released or the next resync.</summary>
    WaitForQuota,

    /// <summary>AllocationTokenAcquired: call Create (Do for a sync plugin).</summary>
    Create,

    /// <summary>Parked in the capacity gate until a polled task ends or the next resync.</summary>
    WaitForCapacity,

    /// <summary>A transient Create (or Do) failure waits for its retry time.</summary>
    CreateBackoff,

    /// <summary>ResourcesCreated: polled at every resync until Status says it ended.</summary>
    Poll,

    /// <summary>The remote job must be deleted (abort, deadline, cleanup) before the task ends.</summary>
    Delete,

    /// <summary>A failed Delete waits for its retry time.</summary>
    DeleteBackoff,

    /// <summary>Ended; nothing more happens.</summary>
    Finished,
}
