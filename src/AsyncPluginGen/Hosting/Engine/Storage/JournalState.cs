namespace AsyncPluginGen.Hosting;

/// <summary>
/// What the <see cref="TaskJournal"/> keeps per task: its change counters, its mark for the next batch, and whether its
/// context and meta were written. A separate object, made on the first change, so that a host without a task store does
/// not carry these fields in every in-flight task.
/// </summary>
internal sealed class JournalState
{
    private long _changes;
    private long _durableChanges;
    private int _mark;

    /// <summary>Changes a restarted host must know about, counted.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>How many of <see cref="Changes"/> are durable in the store.</summary>
    public long DurableChanges => Interlocked.Read(ref _durableChanges);

    /// <summary>The context (at the first write) and the meta (once known) are written once; these say whether they were.</summary>
    public bool ContextStored { get; set; }

    public bool MetaStored { get; set; }

    public void CountChange() => Interlocked.Increment(ref _changes);

    /// <summary>Marks the task for the journal's next batch; false when it is marked already.</summary>
    public bool TryMark() => Interlocked.Exchange(ref _mark, 1) == 0;

    public void Unmark() => Interlocked.Exchange(ref _mark, 0);

    public void MarkDurable(long changes)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _durableChanges);
        }
        while (current < changes && Interlocked.CompareExchange(ref _durableChanges, changes, current) != current);
    }
}
