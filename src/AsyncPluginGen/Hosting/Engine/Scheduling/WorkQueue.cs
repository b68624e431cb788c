using System.Collections.Concurrent;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// One plugin's work queue and its workers: a scheduled record is processed by exactly one worker at a time (the
/// record's claim), and a record scheduled while claimed runs once more afterwards. No per-task thread, timer or loop.
/// <para>
/// Two lanes: an interrupted task (abort, deadline, and the Delete they cause) goes to the urgent lane, which workers
/// drain first, so it never waits behind the polling backlog. An interrupted task already waiting in the backlog gets
/// a second entry in the urgent lane; whichever entry a worker takes first runs it (the claim's queued → running step
/// is taken once), and the other is skipped.
/// </para>
/// </summary>
internal sealed class WorkQueue<TRecord>
    where TRecord : TaskRecord
{
    private readonly ConcurrentQueue<TRecord> _urgent = new();
    private readonly ConcurrentQueue<TRecord> _backlog = new();
    private readonly SemaphoreSlim _entries = new(0);
    private readonly Func<TRecord, ValueTask> _process;
    private readonly CancellationToken _stopping;
    private readonly Task[] _workers;
    private volatile bool _completed;

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

    /// <summary>Entries waiting in the backlog (stale duplicates included); for tests.</summary>
    internal int BacklogCount => _backlog.Count;

    /// <summary>Runs the record's next step: ahead of the backlog when it is interrupted.</summary>
    public void Schedule(TRecord record)
    {
        var urgent = record.Interrupt != TaskInterrupt.None;
        if (record.MarkDirtyAndClaim())
        {
            Enqueue(urgent ? _urgent : _backlog, record);
        }
        else if (urgent && record.IsQueued)
        {
            // Waiting in the backlog: jump the queue.
            Enqueue(_urgent, record);
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
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _entries.Release(_workers.Length);
    }

    private void Enqueue(ConcurrentQueue<TRecord> lane, TRecord record)
    {
        if (_completed)
        {
            return; // The host stops: it ends the task.
        }

        lane.Enqueue(record);
        _entries.Release();
    }

    private async Task WorkAsync()
    {
        try
        {
            while (true)
            {
                await _entries.WaitAsync(_stopping).ConfigureAwait(false);
                if (!_urgent.TryDequeue(out var record) && !_backlog.TryDequeue(out record))
                {
                    if (_completed)
                    {
                        return;
                    }

                    continue;
                }

                if (!record.TryStartQueued())
                {
                    continue; // The other entry of a record in both lanes; it ran, or runs, once.
                }

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
