namespace AsyncPluginGen.Hosting;

/// <summary>
/// Records due at an instant (deadlines, retry backoffs), taken out by the host's clock tick: no per-task timer. The
/// queue holds each record through a <see cref="TimerSlot"/> the record releases when it ends, so an ended task is not
/// kept alive until its deadline falls due (the empty slot, a few bytes, stays until then).
/// </summary>
internal sealed class TimerQueue<TRecord>
    where TRecord : TaskRecord
{
    private readonly PriorityQueue<TimerSlot, DateTimeOffset> _due = new();

    /// <summary>Queues <paramref name="record"/> for <paramref name="at"/>; the slot is released when the record ends.</summary>
    public TimerSlot Add(TRecord record, DateTimeOffset at)
    {
        var slot = new TimerSlot(record);
        lock (_due)
        {
            _due.Enqueue(slot, at);
        }

        return slot;
    }

    /// <summary>Takes every record due at or before <paramref name="now"/>, in order; released slots are dropped.</summary>
    public void TakeDue(DateTimeOffset now, List<TRecord> into)
    {
        lock (_due)
        {
            while (_due.TryPeek(out var slot, out var at) && at <= now)
            {
                _due.Dequeue();
                if (slot.Record is TRecord record)
                {
                    into.Add(record);
                }
            }
        }
    }

    /// <summary>How many queued entries still hold a record (for tests; walks the queue).</summary>
    public int HeldRecords
    {
        get
        {
            lock (_due)
            {
                return _due.UnorderedItems.Count(e => e.Element.Record is not null);
            }
        }
    }
}

/// <summary>One entry of a <see cref="TimerQueue{TRecord}"/>: the record to wake, until the record ends and lets go.</summary>
internal sealed class TimerSlot(TaskRecord record)
{
    private TaskRecord? _record = record;

    public TaskRecord? Record => Volatile.Read(ref _record);

    public void Release() => Volatile.Write(ref _record, null);
}
