using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Work a runner starts off its workers (a batched Get per resync chunk): tracked until it ends, its failure logged,
/// and awaited when the host stops. Nothing is fire-and-forget.
/// </summary>
internal sealed class BackgroundWork(ILogger logger, string pluginId)
{
    private readonly HashSet<Task> _running = [];

    public void Start(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_running)
        {
            _running.Add(task);
        }

        task.ContinueWith(Ended, TaskScheduler.Default);
    }

    /// <summary>Completes when everything started so far has ended.</summary>
    public Task Stopped
    {
        get
        {
            lock (_running)
            {
                return Task.WhenAll(_running.ToArray());
            }
        }
    }

    private void Ended(Task task)
    {
        lock (_running)
        {
            _running.Remove(task);
        }

        if (task.Exception is { } exception)
        {
            HostLog.UnexpectedError(logger, exception.GetBaseException(), pluginId, "(background work)");
        }
    }
}
