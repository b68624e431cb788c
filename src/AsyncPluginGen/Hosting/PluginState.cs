namespace AsyncPluginGen.Hosting;

/// <summary>
/// Where the host is in driving one task (Flyte's webapi <c>Phase</c>): before quota, holding quota, created
/// remotely, and the terminal outcomes. <see cref="Aborted"/> is ours: Flyte leaves an aborted task's state as it was.
/// </summary>
public enum PluginState
{
    /// <summary>Submitted; waiting for a quota token or for Create.</summary>
    NotStarted,

    /// <summary>Holding a quota token; Create comes next.</summary>
    AllocationTokenAcquired,

    /// <summary>Created remotely; polled until it ends.</summary>
    ResourcesCreated,

    /// <summary>Ended successfully. Terminal.</summary>
    Succeeded,

    /// <summary>Ended with a failure attributed to the user's task. Terminal.</summary>
    UserFailure,

    /// <summary>Ended with a failure of the system, the plugin or the service. Terminal.</summary>
    SystemFailure,

    /// <summary>Aborted; the remote job was deleted. Terminal.</summary>
    Aborted,
}
