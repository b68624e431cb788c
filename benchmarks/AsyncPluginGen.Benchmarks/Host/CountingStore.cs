using AsyncPluginGen.Hosting;

namespace AsyncPluginGen.Benchmarks.Host;

/// <summary>A task store that counts the rows it saved, so a benchmark operation can end when its writes are durable.</summary>
internal sealed class CountingStore(ITaskStore inner) : ITaskStore
{
    private readonly object _saved = new();
    private long _rows;
    private long _metaRows;

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Saved rows that carry a meta: the host writes a task's meta once, with the first write after its Create.</summary>
    public long MetaRows => Interlocked.Read(ref _metaRows);

    /// <summary>
    /// Waits until <paramref name="target"/> rows in all have been saved. Blocks on a signal rather than spinning: a spin
    /// would take one of the machine's two cores from the journal, and its sleeps would add up to a millisecond.
    /// </summary>
    public void AwaitRows(long target) => Await(() => Rows, target, "saved rows");

    /// <summary>Waits until <paramref name="target"/> rows carrying a meta have been saved in all.</summary>
    public void AwaitMetaRows(long target) => Await(() => MetaRows, target, "saved rows with a meta");

    private void Await(Func<long> count, long target, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp() + TimeProvider.System.TimestampFrequency * 60;
        lock (_saved)
        {
            while (count() < target)
            {
                var left = TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), deadline);
                if (left <= TimeSpan.Zero)
                {
                    throw new InvalidOperationException($"Waited a minute for {target} {what}; {count()} were saved.");
                }

                Monitor.Wait(_saved, left);
            }
        }
    }

    public Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);

    public async Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default)
    {
        await inner.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        var metas = 0;
        foreach (var row in batch)
        {
            metas += row.Meta is null ? 0 : 1;
        }

        lock (_saved)
        {
            Interlocked.Add(ref _rows, batch.Count);
            Interlocked.Add(ref _metaRows, metas);
            Monitor.PulseAll(_saved);
        }
    }

    public Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default) => inner.FindAsync(uniqueName, cancellationToken);

    public Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default) => inner.PurgeEndedAsync(endedBefore, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
