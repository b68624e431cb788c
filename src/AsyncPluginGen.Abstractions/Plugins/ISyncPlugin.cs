namespace AsyncPluginGen;

/// <summary>
/// A plugin whose remote call returns the outcome at once, with no job to poll (Flyte's <c>webapi.SyncPlugin</c>).
/// The generator implements it for every <see cref="SyncPluginAttribute"/> class.
/// </summary>
public interface ISyncPlugin : IPlugin
{
    /// <summary>Runs the task to its outcome (Flyte's <c>Do</c>).</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task's phase, normally terminal.</returns>
    ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken);
}
