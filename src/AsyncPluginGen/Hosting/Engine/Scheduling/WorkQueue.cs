using System.Threading.Channels;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// One plugin's work queue and its workers: a scheduled record is processed by exactly one worker at a time (the
/// record's claim), and a record scheduled while claimed runs once more afterwards. No per-task thread, timer or loop.
/// </summary>
internal sealed class WorkQueue<TRecord>
    where TRecord : TaskRecord
{
    private readonly Channel<TRecord> _channel = Channel.CreateUnbounded<TRecord>();
    private readonly Func<TRecord, ValueTask> _process;
    private readonly CancellationToken _stopping;
    private readonly Task[] _workers;

    /// <param name="workers">How many records are processed at once.</param>
    /// <param name="process">Processes one record; must not throw except for the host's own cancellation.</param>
    /// <param name="stopping">Ends the workers when the host stops.</param>
    public WorkQueue(int workers, Func<TRecord, ValueTask> process, CancellationToken stopping)
    {
        _process = process;
        _stopping = stopping;
        // The workers are awaited when the host stops, so nothing they do goes unobserved.
        _workers = Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)).ToArray();
    }

    /// <summary>Completes when every worker has returned.</summary>
    public Task Stopped => Task.WhenAll(_workers);

    public void Schedule(TRecord record)
    {
        if (record.MarkDirtyAndClaim())
        {
            _channel.Writer.TryWrite(record);
        }
    }

    /// <summary>Releases a claim taken outside the queue (a batch poll), re-scheduling the record if it was signalled meanwhile.</summary>
    public void Release(TRecord record)
    {
        if (record.ReleaseClaim())
        {
            Schedule(record);
        }
    }

    /// <summary>No more work is accepted; workers return once the queue is drained or the host's token is cancelled.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var record in _channel.Reader.ReadAllAsync(_stopping).ConfigureAwait(false))
            {
                record.ClearDirty();
                await _process(record).ConfigureAwait(false);
                Release(record);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host stopped; the tasks still in flight were ended by the host.
        }
    }
}
