using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Writes changed tasks to the <see cref="ITaskStore"/> with group commit: a change only marks its task (once, however
/// often it changes before the next batch); one loop snapshots every marked task and saves them in one transaction,
/// about once per <see cref="PluginHostOptions.StoreCommitInterval"/>. A task's snapshot is taken when its batch is cut,
/// so a task changed ten times between two batches is written once, as it is then. The interval paces when batches
/// become durable, not when they are cut (<see cref="CommitPacing"/>).
/// <para>
/// Whoever must not call out before a change is durable (Create, Delete: write-ahead) awaits <see cref="DurableAsync"/>.
/// A failed save loses nothing: its tasks are marked again and the save retried, and those waits last until it succeeds.
/// </para>
/// </summary>
internal sealed class TaskJournal
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
    private readonly ITaskStore _store;
    private readonly Func<TaskRecord, StoredTask?> _capture;
    private readonly Action<TaskRecord, StoredTask> _saved;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly Func<DateTimeOffset>? _purgeCutoff;
    private long _lastPurge;
    private TimeSpan _expectedSave;
    private readonly ConcurrentQueue<TaskRecord> _marked = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _closing = new();
    private TaskCompletionSource _nextCommit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _wakePending;
    private volatile bool _closed;
    private volatile bool _ended;
    private Task _loop = Task.CompletedTask;

    /// <summary>How often ended tasks past their retention are purged, at most (between two batches).</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    public TaskJournal(ITaskStore store, Func<TaskRecord, StoredTask?> capture, Action<TaskRecord, StoredTask> saved, TimeSpan interval, ILogger logger, Func<DateTimeOffset>? purgeCutoff = null)
    {
        _purgeCutoff = purgeCutoff;
        _store = store;
        _capture = capture;
        _saved = saved;
        _interval = interval;
        _logger = logger;
    }

    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>The task changed in a way a restarted host must know: it is written with the next batch.</summary>
    public void Changed(TaskRecord record)
    {
        if (_closed)
        {
            return;
        }

        record.CountChange();
        if (record.TryMarkForJournal())
        {
            _marked.Enqueue(record);
            if (Interlocked.Exchange(ref _wakePending, 1) == 0)
            {
                _wake.Release();
            }
        }
    }

    /// <summary>Completes when every change made to <paramref name="record"/> so far is durable.</summary>
    public ValueTask DurableAsync(TaskRecord record)
    {
        var wanted = record.Changes;
        return record.DurableChanges >= wanted ? ValueTask.CompletedTask : WaitAsync(record, wanted);
    }

    /// <summary>
    /// Stops taking changes, writes what is marked, and ends the loop. Changes made after this (tasks the stopping host
    /// abandons) are not written, so those tasks resume as they were.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        _wake.Release();
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time: stop retrying a failing store. What was not written resumes from the last durable state.
            await _closing.CancelAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask WaitAsync(TaskRecord record, long wanted)
    {
        while (record.DurableChanges < wanted)
        {
            var next = Volatile.Read(ref _nextCommit).Task;
            if (record.DurableChanges >= wanted)
            {
                return;
            }

            if (_ended)
            {
                return; // Nothing more will be written; the caller proceeds as after a crash.
            }

            await next.ConfigureAwait(false);
        }
    }

    private async Task LoopAsync()
    {
        var batch = new List<StoredTask>();
        var records = new List<(TaskRecord Record, long Changes, StoredTask Row)>();
        var failures = 0;
        while (true)
        {
            if (_marked.IsEmpty)
            {
                if (_closed)
                {
                    break;
                }

                await _wake.WaitAsync().ConfigureAwait(false);
                Volatile.Write(ref _wakePending, 0);
                continue;
            }

            var started = TimeProvider.System.GetTimestamp();
            Cut(batch, records);
            try
            {
                if (batch.Count > 0)
                {
                    var saving = TimeProvider.System.GetTimestamp();
                    await _store.SaveAsync(batch, _closing.Token).ConfigureAwait(false);
                    _expectedSave = CommitPacing.Expect(_expectedSave, TimeProvider.System.GetElapsedTime(saving), _interval);
                }

                failures = 0;
                foreach (var (record, changes, row) in records)
                {
                    record.MarkDurable(changes);
                    _saved(record, row);
                }
            }
            catch (Exception exception) when (!_closing.IsCancellationRequested)
            {
                // Nothing is lost: the tasks are marked again, and whoever waits for them keeps waiting.
                failures++;
                HostLog.StoreWriteFailed(_logger, exception, batch.Count, failures);
                foreach (var (record, _, _) in records)
                {
                    Requeue(record);
                }

                await Delay(TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 10 * Math.Pow(2, Math.Min(failures, 10))))).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await PurgeIfDueAsync().ConfigureAwait(false);

            // Swapped after the save, not before: a waiter reads the source while its batch is in flight and is woken
            // when that batch ends, then checks again.
            Interlocked.Exchange(ref _nextCommit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            batch.Clear();
            records.Clear();

            // Pacing: changes gather while the batch waits, so the next transaction carries them all; it is cut early by
            // the time a save is expected to take, so that it is durable when the interval ends.
            var wait = CommitPacing.Wait(_interval, _expectedSave, TimeProvider.System.GetElapsedTime(started));
            if (wait > TimeSpan.Zero && !_closed)
            {
                await Delay(wait).ConfigureAwait(false);
            }
        }

        // Wake any waiter: the loop has ended.
        _ended = true;
        Volatile.Read(ref _nextCommit).TrySetResult();
    }

    /// <summary>Purges ended tasks past their retention, at most once per <see cref="PurgeInterval"/>, between batches (the store sees one call at a time).</summary>
    private async Task PurgeIfDueAsync()
    {
        if (_purgeCutoff is null || (_lastPurge != 0 && TimeProvider.System.GetElapsedTime(_lastPurge) < PurgeInterval))
        {
            return;
        }

        _lastPurge = TimeProvider.System.GetTimestamp();
        try
        {
            await _store.PurgeEndedAsync(_purgeCutoff(), _closing.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_closing.IsCancellationRequested)
        {
            // Only old outcomes stay longer: logged, tried again at the next interval.
            HostLog.StoreWriteFailed(_logger, exception, 0, 1);
        }
    }

    private void Cut(List<StoredTask> batch, List<(TaskRecord, long, StoredTask)> records)
    {
        while (_marked.TryDequeue(out var record))
        {
            // Unmark first: a change made while this snapshot is taken marks the task again, for the next batch.
            record.UnmarkForJournal();
            var changes = record.Changes;
            if (_capture(record) is { } row)
            {
                batch.Add(row);
                records.Add((record, changes, row));
            }
            else
            {
                record.MarkDurable(changes);
            }
        }
    }

    private void Requeue(TaskRecord record)
    {
        if (record.TryMarkForJournal())
        {
            _marked.Enqueue(record);
        }
    }

    private async Task Delay(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, TimeProvider.System, _closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Closing: the loop ends on its next turn.
        }
    }
}
