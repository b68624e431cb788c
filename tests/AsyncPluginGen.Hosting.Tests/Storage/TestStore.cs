using AsyncPluginGen.Hosting.Tests.Infrastructure;

namespace AsyncPluginGen.Hosting.Tests.Storage;

/// <summary>
/// An in-memory store that signals each save (so tests wait for a durable row instead of sleeping), and whose saves can
/// be held (<see cref="Gate"/>) or made to fail (<see cref="FailNext"/>).
/// </summary>
internal sealed class TestStore(IEnumerable<StoredTask>? rows = null) : ITaskStore
{
    private readonly InMemoryTaskStore _inner = new(rows ?? []);
    private readonly Pulse _saved = new();
    private long _savedRows;

    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource SaveStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FailNext { get; set; }

    /// <summary>Rows saved so far, over all batches.</summary>
    public long SavedRows => Interlocked.Read(ref _savedRows);

    public IReadOnlyList<StoredTask> GetRows() => _inner.GetRows();

    /// <summary>Waits until a saved row satisfies <paramref name="condition"/>; returns every row at that moment.</summary>
    public async Task<IReadOnlyList<StoredTask>> WaitForRowAsync(Func<StoredTask, bool> condition, string what)
    {
        await _saved.WaitUntilAsync(() => GetRows().Any(condition), () => $"{what}; rows: {string.Join(", ", GetRows().Select(r => r.UniqueName))}");
        return GetRows();
    }

    /// <summary>Waits until at least <paramref name="rows"/> rows have been saved in all.</summary>
    public Task WaitForSavedRowsAsync(long rows) =>
        _saved.WaitUntilAsync(() => SavedRows >= rows, () => $"{rows} saved rows (so far {SavedRows})");

    public Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default) => _inner.OpenAsync(cancellationToken);

    public async Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default)
    {
        SaveStarted.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailNext > 0)
        {
            FailNext--;
            throw new IOException("disk full (test)");
        }

        await _inner.SaveAsync(batch, cancellationToken);
        Interlocked.Add(ref _savedRows, batch.Count);
        _saved.Fire();
    }

    public Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default) => _inner.FindAsync(uniqueName, cancellationToken);

    public Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default) => _inner.PurgeEndedAsync(endedBefore, cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
