using System.Collections.Concurrent;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Owns task identity: which unique names are in flight. A record enters before its runner starts it (so a duplicate
/// is refused before anything runs, with no placeholder) and leaves when it ends. Closing the table (host stop) hands
/// back every record still in it and refuses new ones, with no window in which a record enters unseen.
/// </summary>
internal sealed class TaskTable
{
    private readonly ConcurrentDictionary<string, TaskRecord> _records = new(StringComparer.Ordinal);
    private int _closed;

    public int Count => _records.Count;

    public bool IsClosed => Volatile.Read(ref _closed) == 1;

    /// <summary>Registers <paramref name="record"/>, which nothing has started yet.</summary>
    /// <returns>Added; Duplicate when its unique name is in flight; Closed when the host stops.</returns>
    public TableEntry TryAdd(TaskRecord record)
    {
        if (IsClosed)
        {
            return TableEntry.Closed;
        }

        if (!_records.TryAdd(record.Task.UniqueName, record))
        {
            return TableEntry.Duplicate;
        }

        // Close sets the flag, then reads the table. A record added before the flag was set is seen by Close (which ends
        // it); one added after sees the flag here. Taking it back out means Close never saw it: refuse it instead.
        if (IsClosed && _records.TryRemove(new KeyValuePair<string, TaskRecord>(record.Task.UniqueName, record)))
        {
            return TableEntry.Closed;
        }

        return TableEntry.Added;
    }

    public bool TryGet(string uniqueName, out TaskRecord? record) => _records.TryGetValue(uniqueName, out record);

    /// <summary>The records in flight at this moment.</summary>
    public List<TaskRecord> Snapshot() => [.. _records.Values];

    /// <summary>The task ended: its unique name may be used again.</summary>
    public void Remove(TaskRecord record) => _records.TryRemove(new KeyValuePair<string, TaskRecord>(record.Task.UniqueName, record));

    /// <summary>Refuses new records from now on and takes out every record in flight.</summary>
    public List<TaskRecord> Close()
    {
        Interlocked.Exchange(ref _closed, 1);
        var taken = new List<TaskRecord>();
        foreach (var (name, record) in _records)
        {
            if (_records.TryRemove(new KeyValuePair<string, TaskRecord>(name, record)))
            {
                taken.Add(record);
            }
        }

        return taken;
    }
}

/// <summary>What <see cref="TaskTable.TryAdd"/> did.</summary>
internal enum TableEntry
{
    /// <summary>The record is in the table: start it.</summary>
    Added,

    /// <summary>Another task with the same unique name is in flight.</summary>
    Duplicate,

    /// <summary>The host is stopping or stopped.</summary>
    Closed,
}
