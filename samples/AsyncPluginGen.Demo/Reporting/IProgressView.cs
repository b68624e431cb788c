using AsyncPluginGen.Demo.Running;

namespace AsyncPluginGen.Demo.Reporting;

/// <summary>Shows the run's progress until told to stop.</summary>
internal interface IProgressView
{
    /// <summary>Renders progress from <paramref name="board"/> until <paramref name="stop"/> is cancelled, then once more.</summary>
    /// <param name="board">The run's tasks.</param>
    /// <param name="stop">Cancelled when every task has ended.</param>
    /// <returns>A task that completes after the last rendering.</returns>
    Task RunAsync(TaskBoard board, CancellationToken stop);
}
