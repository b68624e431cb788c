using AsyncPluginGen.Hosting;

namespace AsyncPluginGen.Benchmarks.Host;

/// <summary>A task store that counts the rows it saved, so a benchmark operation can end when its writes are durable.</summary>
internal sealed class CountingStore(ITaskStore inner) : ITaskStore
{
    private long _rows;

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Waits until <paramref name="target"/> rows in all have been saved.</summary>
    public void AwaitRows(long target)
    {
        if (!SpinWait.SpinUntil(() => Rows >= target, TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"Waited a minute for {target} saved rows; {Rows} were saved.");
        }
    }

    public Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);

    public async Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default)
    {
        await inner.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _rows, batch.Count);
    }

    public Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default) => inner.FindAsync(uniqueName, cancellationToken);

    public Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default) => inner.PurgeEndedAsync(endedBefore, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
