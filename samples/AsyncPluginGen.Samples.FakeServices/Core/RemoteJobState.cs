namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>A remote job's life cycle, in the ledger's own terms; each fake service names these states its own way.</summary>
public enum RemoteJobState
{
    /// <summary>Accepted, not yet running.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Ended well.</summary>
    Succeeded,

    /// <summary>Ended badly.</summary>
    Failed,

    /// <summary>Cancelled, still shutting down.</summary>
    Stopping,

    /// <summary>Cancelled and shut down.</summary>
    Stopped,
}

/// <summary>Helpers over <see cref="RemoteJobState"/>.</summary>
public static class RemoteJobStates
{
    /// <summary>Whether the job still uses the remote service's resources: pending or running, nobody asked it to stop.</summary>
    /// <param name="state">The state.</param>
    /// <returns>True while pending or running.</returns>
    public static bool IsLive(this RemoteJobState state) => state is RemoteJobState.Pending or RemoteJobState.Running;

    /// <summary>Whether the job has reached an end state it never leaves.</summary>
    /// <param name="state">The state.</param>
    /// <returns>True when succeeded, failed or stopped.</returns>
    public static bool IsTerminal(this RemoteJobState state) => state is RemoteJobState.Succeeded or RemoteJobState.Failed or RemoteJobState.Stopped;
}
