using AsyncPluginGen.Hosting.Tests.Infrastructure;

namespace AsyncPluginGen.Hosting.Tests.Storage;

/// <summary>
/// A store that signals each save (so tests wait for a durable row instead of sleeping), and whose saves can be held
/// (<see cref="Gate"/>) or made to fail (<see cref="FailNext"/>). It keeps its rows in memory, or, given a
/// <paramref name="backend"/>, in that store (SQLite) as well, which the host then opens and reads.
/// </summary>
/// <param name="rows">What the store holds when the host opens it (a crashed host's rows).</param>
/// <param name="backend">The store the host uses, made holding <paramref name="rows"/>; null for the in-memory one.</param>
internal sealed class TestStore(IEnumerable<StoredTask>? rows = null, Func<IReadOnlyList<StoredTask>, ITaskStore>? backend = null) : ITaskStore
{
    private readonly InMemoryTaskStore _shadow = new(rows ?? []);
    private readonly ITaskStore? _backend = backend?.Invoke([.. rows ?? []]);
    private readonly Pulse _saved = new();
    private long _savedRows;

    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource SaveStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FailNext { get; set; }

    /// <summary>Rows saved so far, over all batches.</summary>
    public long SavedRows => Interlocked.Read(ref _savedRows);

    /// <summary>Every row as the store holds it (merged the way every store merges a row with its stored one).</summary>
    public IReadOnlyList<StoredTask> GetRows() => _shadow.GetRows();

    private ITaskStore Inner => _backend ?? _shadow;

    /// <summary>Waits until a saved row satisfies <paramref name="condition"/>; returns every row at that moment.</summary>
    public async Task<IReadOnlyList<StoredTask>> WaitForRowAsync(Func<StoredTask, bool> condition, string what)
    {
        await _saved.WaitUntilAsync(() => GetRows().Any(condition), () => $"{what}; rows: {string.Join(", ", GetRows().Select(r => r.UniqueName))}");
        return GetRows();
    }

    /// <summary>Waits until at least <paramref name="rows"/> rows have been saved in all.</summary>
    public Task WaitForSavedRowsAsync(long rows) =>
        _saved.WaitUntilAsync(() => SavedRows >= rows, () => $"{rows} saved rows (so far {SavedRows})");

    public async Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default)
    {
        var open = await Inner.OpenAsync(cancellationToken);
        if (_backend is not null)
        {
            await _shadow.OpenAsync(cancellationToken);
        }

        return open;
    }

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

        await Inner.SaveAsync(batch, cancellationToken);
        if (_backend is not null)
        {
            await _shadow.SaveAsync(batch, cancellationToken);
        }

        Interlocked.Add(ref _savedRows, batch.Count);
        _saved.Fire();
    }

    public Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default) => Inner.FindAsync(uniqueName, cancellationToken);

    public async Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default)
    {
        if (_backend is not null)
        {
            await _shadow.PurgeEndedAsync(endedBefore, cancellationToken);
        }

        return await Inner.PurgeEndedAsync(endedBefore, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _shadow.DisposeAsync();
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }
}
