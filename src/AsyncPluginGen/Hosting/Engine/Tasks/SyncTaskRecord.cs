namespace AsyncPluginGen.Hosting;

/// <summary>
/// A sync plugin's task. Its cancellation ends the single Do call on abort, deadline or host stop, and is disposed
/// when the task ends: it is not linked to the host's token (the host cancels it through the record when stopping),
/// so nothing of a finished task stays reachable from the host.
/// </summary>
internal sealed class SyncTaskRecord(TaskContext task, string pluginId, DateTimeOffset? deadline)
    : TaskRecord(task, pluginId, deadline)
{
    private readonly CancellationTokenSource _cancellation = new();
    private bool _disposed;

    public override object? MetaObject => null;

    public override object? ResourceObject => null;

    /// <summary>The source of <see cref="CallToken"/>; exposed for tests of its disposal.</summary>
    internal CancellationTokenSource Cancellation => _cancellation;

    /// <summary>The token Do runs with; already cancelled once the task ended.</summary>
    public CancellationToken CallToken
    {
        get
        {
            lock (this)
            {
                return _disposed ? new CancellationToken(canceled: true) : _cancellation.Token;
            }
        }
    }

    protected override void OnInterrupted()
    {
        lock (this)
        {
            if (_disposed)
            {
                return;
            }
        }

        try
        {
            // Outside the lock: Cancel runs the plugin's callbacks.
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The task ended meanwhile, and its end cancelled the call already.
        }
    }

    protected override void OnFinished()
    {
        lock (this)
        {
            _disposed = true;
        }

        // The host stopping ends tasks whose Do still runs: cancel it, then free the source (once: OnFinished runs once).
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
