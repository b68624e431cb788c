namespace AsyncPluginGen.Hosting;

/// <summary>Records due at an instant (deadlines, retry backoffs), taken out by the host's clock tick: no per-task timer.</summary>
internal sealed class TimerQueue<TRecord>
    where TRecord : TaskRecord
{
    private readonly PriorityQueue<TRecord, DateTimeOffset> _due = new();

    public void Add(TRecord record, DateTimeOffset at)
    {
        lock (_due)
        {
            _due.Enqueue(record, at);
        }
    }

    /// <summary>Takes every record due at or before <paramref name="now"/>, in order.</summary>
    public void TakeDue(DateTimeOffset now, List<TRecord> into)
    {
        lock (_due)
        {
            while (_due.TryPeek(out var record, out var at) && at <= now)
            {
                _due.Dequeue();
                into.Add(record);
            }
        }
    }
}
