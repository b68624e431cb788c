namespace AsyncPluginGen.Hosting;

/// <summary>What <see cref="PluginHost.StopAsync"/> does with the remote jobs of tasks still in flight.</summary>
public enum StopBehavior
{
    /// <summary>
    /// The jobs keep running remotely. With a task store the tasks resume when a host next opens the store; without one,
    /// each task ends for its watchers with <see cref="HostReasons.HostStopped"/>, a message naming its job, and a warning
    /// log line, so none is left running unseen. The default.
    /// </summary>
    LeaveRunning,

    /// <summary>
    /// Every task in flight is aborted and its job deleted, within the stop's cancellation token. A Delete that does not
    /// finish in time is resumed by the next host on the same store, or, without a store, reported like
    /// <see cref="LeaveRunning"/>.
    /// </summary>
    AbortAndDelete,
}
