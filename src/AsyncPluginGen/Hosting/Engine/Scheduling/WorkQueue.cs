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
/// <para>
/// Workers exist only while there is work, and a worker drains the lanes, then returns: nothing waits on a semaphore
/// per entry (a resync schedules every polled task at once, and a lock per entry was a large share of a poll).
/// Scheduling starts workers on the thread pool while fewer than the processor count are busy (a worker waiting for a
/// remote call or the task store is not busy); a worker whose step waits starts another, up to the plugin's limit. So steps that complete at once run on as many workers as there are cores
/// (more only made them contend), and steps that wait still have the limit's worth of calls in flight. A worker that
/// finds the lanes empty gives up its slot before it looks once more, and whoever schedules adds its entry before it
/// looks at the slots, so an entry is never left with no worker to take it.
/// </para>
/// </summary>
internal sealed class WorkQueue<TRecord> : IThreadPoolWorkItem
    where TRecord : TaskRecord
{
    private readonly ConcurrentQueue<TRecord> _urgent = new();
    private readonly ConcurrentQueue<TRecord> _backlog = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<TRecord, ValueTask> _process;
    private readonly CancellationToken _stopping;
    private readonly int _workers;
    private readonly int _eager;
    private int _active;
    private int _waiting;
    private volatile bool _completed;

    /// <param name="workers">How many records are processed at once.</param>
    /// <param name="process">Processes one record; must not throw except for the host's own cancellation.</param>
    /// <param name="stopping">Ends the workers when the host stops.</param>
    public WorkQueue(int workers, Func<TRecord, ValueTask> process, CancellationToken stopping)
    {
        _workers = Math.Max(1, workers);
        _eager = Math.Min(_workers, Environment.ProcessorCount);
        _process = process;
        _stopping = stopping;
    }

    /// <summary>Completes when the queue was completed (<see cref="Complete"/>) and every worker has returned.</summary>
    public Task Stopped => _stopped.Task;

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
        _completed = true;
        if (!IsEmpty)
        {
            StartWorker(); // Drain what was accepted before.
        }

        if (Volatile.Read(ref _active) == 0)
        {
            _stopped.TrySetResult();
        }
    }

    void IThreadPoolWorkItem.Execute() => _ = WorkAsync();

    private bool IsEmpty => _urgent.IsEmpty && _backlog.IsEmpty;

    private void Enqueue(ConcurrentQueue<TRecord> lane, TRecord record)
    {
        if (_completed)
        {
            return; // The host stops: it ends the task.
        }

        lane.Enqueue(record);

        // Workers that wait for a remote call take no entries: they do not count against the processor count.
        if (Volatile.Read(ref _active) - Volatile.Read(ref _waiting) < _eager)
        {
            StartWorker();
        }
    }

    /// <summary>Starts a worker unless <see cref="_workers"/> run already.</summary>
    private void StartWorker()
    {
        if (TryTakeSlot())
        {
            // Not on this thread: the scheduler (the host's tick, a worker, a caller of Submit) goes on at once.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private async Task WorkAsync()
    {
        try
        {
            while (true)
            {
                while (!_stopping.IsCancellationRequested && TryTake(out var record))
                {
                    if (!record.TryStartQueued())
                    {
                        continue; // The other entry of a record in both lanes; it ran, or runs, once.
                    }

                    record.ClearDirty();
                    var processing = _process(record);
                    if (!processing.IsCompleted)
                    {
                        // This worker waits for a remote call (or the task store): another one takes the next entries
                        // meanwhile. Counted as waiting first, then the lanes looked at, so that an entry added
                        // meanwhile is seen here or sees this worker waiting.
                        Interlocked.Increment(ref _waiting);
                        try
                        {
                            if (!IsEmpty)
                            {
                                StartWorker();
                            }

                            await processing.ConfigureAwait(false);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _waiting);
                        }
                    }
                    else
                    {
                        processing.GetAwaiter().GetResult();
                    }

                    Release(record);
                }

                // Give the slot up, then look once more: an entry added meanwhile saw every slot taken and started no one.
                if (Interlocked.Decrement(ref _active) == 0 && _completed)
                {
                    _stopped.TrySetResult();
                }

                if (_stopping.IsCancellationRequested || IsEmpty || !TryTakeSlot())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host stopped; the tasks still in flight were ended by the host.
            if (Interlocked.Decrement(ref _active) == 0 && _completed)
            {
                _stopped.TrySetResult();
            }
        }
    }

    /// <summary>Takes a worker's slot, unless <see cref="_workers"/> are taken.</summary>
    private bool TryTakeSlot()
    {
        var active = Volatile.Read(ref _active);
        while (active < _workers)
        {
            var seen = Interlocked.CompareExchange(ref _active, active + 1, active);
            if (seen == active)
            {
                return true;
            }

            active = seen;
        }

        return false;
    }

    private bool TryTake(out TRecord record) => _urgent.TryDequeue(out record!) || _backlog.TryDequeue(out record!);
}
