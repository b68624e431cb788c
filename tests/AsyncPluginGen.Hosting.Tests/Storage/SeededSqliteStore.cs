namespace AsyncPluginGen.Hosting.Tests.Storage;

/// <summary>
/// A SQLite task store in a file of its own that holds <paramref name="rows"/> when the host opens it: what a crashed
/// host leaves on disk. Written through one store instance and read back through another, as after a restart. Opened by
/// a second host, it opens the same file again, as a second host configured with the same path would.
/// </summary>
internal sealed class SeededSqliteStore(IReadOnlyList<StoredTask> rows) : ITaskStore
{
    private readonly string _directory = Directory.CreateTempSubdirectory("asyncplugingen-recovery-").FullName;
    private SqliteTaskStore? _store;

    private string DbPath => Path.Combine(_directory, "tasks.db");

    private SqliteTaskStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    public async Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_store is not null)
        {
            var again = new SqliteTaskStore(new SqliteTaskStoreOptions { Path = DbPath });
            await using (again)
            {
                return await again.OpenAsync(cancellationToken);
            }
        }

        await using (var writer = new SqliteTaskStore(new SqliteTaskStoreOptions { Path = DbPath }))
        {
            await writer.OpenAsync(cancellationToken);
            if (rows.Count > 0)
            {
                await writer.SaveAsync(rows, cancellationToken);
            }
        }

        _store = new SqliteTaskStore(new SqliteTaskStoreOptions { Path = DbPath });
        return await _store.OpenAsync(cancellationToken);
    }

    public Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default) => Store.SaveAsync(batch, cancellationToken);

    public Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default) => Store.FindAsync(uniqueName, cancellationToken);

    public Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default) => Store.PurgeEndedAsync(endedBefore, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
