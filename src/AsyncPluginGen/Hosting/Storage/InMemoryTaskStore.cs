namespace AsyncPluginGen.Hosting;

/// <summary>
/// A <see cref="ITaskStore"/> in memory: nothing survives the process. For tests (hand <see cref="GetRows"/> of one
/// store to a new one to play a restart after a crash) and for hosts that want no persistence.
/// </summary>
public sealed class InMemoryTaskStore : ITaskStore
{
    private readonly Dictionary<string, StoredTask> _rows = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _open;

    /// <summary>Creates an empty store.</summary>
    public InMemoryTaskStore()
    {
    }

    /// <summary>Creates a store holding <paramref name="rows"/>, as a store found after a restart holds what was saved.</summary>
    /// <param name="rows">The rows, at most one per unique name.</param>
    /// <exception cref="ArgumentException">Two rows have the same unique name.</exception>
    public InMemoryTaskStore(IEnumerable<StoredTask> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (!_rows.TryAdd(row.UniqueName, row))
            {
                throw new ArgumentException($"Two rows have the unique name '{row.UniqueName}'.", nameof(rows));
            }
        }
    }

    /// <summary>How many batches were saved (each a transaction of a durable store).</summary>
    public int SavedBatches { get; private set; }

    /// <summary>Every row, ended or not: what a durable store would hold at this moment.</summary>
    /// <returns>A copy of the rows.</returns>
    public IReadOnlyList<StoredTask> GetRows()
    {
        lock (_gate)
        {
            return [.. _rows.Values];
        }
    }

    /// <inheritdoc />
    /// <exception cref="TaskStoreException">Another host opened this store and has not disposed it.</exception>
    public Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_open)
            {
                throw new TaskStoreException("This in-memory task store is already open by another plugin host; give each host a store of its own.");
            }

            _open = true;
            IReadOnlyList<StoredTask> running = [.. _rows.Values.Where(static row => row.EndedAt is null)];
            return Task.FromResult(running);
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var row in batch)
            {
                _rows[row.UniqueName] = (row.Context is null || row.Meta is null) && _rows.TryGetValue(row.UniqueName, out var stored)
                    ? Merge(row, stored)
                    : row;
            }

            SavedBatches++;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uniqueName);
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(uniqueName, out var row) ? row : null);
        }
    }

    /// <inheritdoc />
    public Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var ended = _rows.Values.Where(row => row.EndedAt < endedBefore).Select(static row => row.UniqueName).ToList();
            foreach (var name in ended)
            {
                _rows.Remove(name);
            }

            return Task.FromResult(ended.Count);
        }
    }

    /// <summary>Releases the store, so another host may open it.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _open = false;
        }

        return ValueTask.CompletedTask;
    }

    private static StoredTask Merge(StoredTask row, StoredTask stored) => new()
    {
        UniqueName = row.UniqueName,
        PluginId = row.PluginId,
        TaskType = row.TaskType,
        Context = row.Context ?? stored.Context,
        Meta = row.Meta ?? stored.Meta,
        Progress = row.Progress,
        Version = row.Version,
        UpdatedAt = row.UpdatedAt,
        EndedAt = row.EndedAt,
    };
}
