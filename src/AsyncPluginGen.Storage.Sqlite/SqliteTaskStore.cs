using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// A durable <see cref="ITaskStore"/> in one SQLite file, in WAL mode: each saved batch is one transaction, durable when
/// <see cref="SaveAsync"/> completes (see <see cref="SqliteTaskStoreOptions.Synchronous"/>). One host per file: the store
/// holds an exclusive lock on <c>&lt;Path&gt;.lock</c> from <see cref="OpenAsync"/> to <see cref="DisposeAsync"/>; the
/// operating system releases it when the process dies, so a crashed host never blocks its successor.
/// </summary>
/// <remarks>
/// The schema is versioned by <c>PRAGMA user_version</c> and migrated forward at open; a file written by a newer version
/// of this package, or a file that is not a SQLite database, is refused and left as it is.
/// </remarks>
public sealed class SqliteTaskStore : ITaskStore
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly SqliteTaskStoreOptions _options;
    private readonly string _path;
    private readonly string _lockPath;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _lock;
    private SqliteConnection? _connection;
    private RowWriter? _writer;
    private bool _disposed;

    /// <summary>Creates the store; nothing is opened until <see cref="OpenAsync"/>.</summary>
    /// <param name="options">The file and the durability.</param>
    /// <exception cref="ArgumentException"><see cref="SqliteTaskStoreOptions.Path"/> is empty.</exception>
    public SqliteTaskStore(SqliteTaskStoreOptions options)
    {
        Validate(options, nameof(options));
        _options = new SqliteTaskStoreOptions { Path = options.Path, Synchronous = options.Synchronous };
        _path = System.IO.Path.GetFullPath(options.Path);
        _lockPath = _path + ".lock";
    }

    /// <summary>The latest schema version this version of the store knows (the database's <c>PRAGMA user_version</c> after open).</summary>
    internal static int LatestSchemaVersion => TaskRows.Migrations.Length;

    /// <summary>The full path of the database file.</summary>
    public string Path => _path;

    /// <inheritdoc />
    /// <exception cref="TaskStoreException">
    /// Another host owns the file (the message names the lock file and the owner's process id); the file is not a usable
    /// SQLite database; or its schema is newer than this version of AsyncPluginGen.Storage.Sqlite knows.
    /// </exception>
    public async Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is not null)
            {
                throw new InvalidOperationException($"The task store '{_path}' is already open.");
            }

            var directory = System.IO.Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(directory))
            {
                try
                {
                    Directory.CreateDirectory(directory);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new TaskStoreException($"The task store's directory '{directory}' cannot be created: {exception.Message}", exception);
                }
            }

            try
            {
                _lock = StoreLockFile.Take(_lockPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new TaskStoreException($"The task store's lock file '{_lockPath}' cannot be created: {exception.Message} Check that the directory is writable by this process.", exception);
            }

            try
            {
                _connection = Connect();
                var rows = ReadOpenRows(_connection, cancellationToken);
                _writer = new RowWriter(_connection.Handle!);
                return rows;
            }
            catch
            {
                Close();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="TaskStoreException">The write failed; nothing of the batch was written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing of the batch was written.</exception>
    public async Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            OpenConnection();
            try
            {
                _writer!.Write(batch, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new TaskStoreException($"Saving {batch.Count} task(s) to the task store '{_path}' failed, and nothing of the batch was written: {exception.Message}", exception);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uniqueName);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = OpenConnection().CreateCommand();
            command.CommandText = $"SELECT {TaskRows.Columns} FROM tasks WHERE unique_name = @unique_name";
            command.Parameters.AddWithValue("@unique_name", uniqueName);
            using var reader = command.ExecuteReader();
            return reader.Read() ? TaskRows.Read(reader) : null;
        }
        catch (SqliteException exception)
        {
            throw new TaskStoreException($"Reading the task '{uniqueName}' from the task store '{_path}' failed: {exception.Message}", exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = OpenConnection().CreateCommand();
            command.CommandText = "DELETE FROM tasks WHERE ended_at < @ended_before";
            command.Parameters.AddWithValue("@ended_before", endedBefore.UtcTicks);
            return command.ExecuteNonQuery();
        }
        catch (SqliteException exception)
        {
            throw new TaskStoreException($"Purging ended tasks from the task store '{_path}' failed: {exception.Message}", exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the database and releases and deletes the lock file, so another host may open the file. Idempotent.</summary>
    /// <returns>A task that completes when the store is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Close();
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static void Validate(SqliteTaskStoreOptions options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("SqliteTaskStoreOptions.Path is empty: give the path of the task store's database file (for example \"/var/lib/myapp/tasks.db\"); one host per file.", parameterName);
        }
    }

    private SqliteConnection OpenConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _connection ?? throw new InvalidOperationException($"The task store '{_path}' is not open: call OpenAsync first.");
    }

    private SqliteConnection Connect()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version > LatestSchemaVersion)
            {
                throw new TaskStoreException(
                    $"The task store '{_path}' has schema version {version}, newer than the version {LatestSchemaVersion} this version of AsyncPluginGen.Storage.Sqlite knows: a newer version wrote it. " +
                    "Upgrade AsyncPluginGen.Storage.Sqlite, or use another file. The file was left as it is.");
            }

            var journal = Convert.ToString(Scalar(connection, "PRAGMA journal_mode = WAL"), CultureInfo.InvariantCulture);
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new TaskStoreException(
                    $"The task store '{_path}' cannot run in WAL mode (SQLite kept journal mode '{journal}'): keep the file on a local disk, not on a network file system.");
            }

            Execute(connection, _options.Synchronous == SqliteSynchronous.Normal ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL");
            for (var next = version; next < TaskRows.Migrations.Length; next++)
            {
                using var transaction = connection.BeginTransaction();
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = TaskRows.Migrations[next] + $"\nPRAGMA user_version = {next + 1};";
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            return connection;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            connection.Dispose();
            throw NotUsable(exception);
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw new TaskStoreException($"The task store '{_path}' cannot be opened: {exception.Message} Check that the file and its directory are writable by this process and that the disk has room.", exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private List<StoredTask> ReadOpenRows(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {TaskRows.Columns} FROM tasks WHERE ended_at IS NULL";
            using var reader = command.ExecuteReader();
            var rows = new List<StoredTask>();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(TaskRows.Read(reader));
            }

            return rows;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            throw NotUsable(exception);
        }
        catch (SqliteException exception)
        {
            throw new TaskStoreException($"Reading the tasks of the task store '{_path}' failed: {exception.Message}", exception);
        }
    }

    private TaskStoreException NotUsable(SqliteException exception) => new(
        $"The task store '{_path}' is not a usable task store ({exception.Message}). Restore it from a backup, or move it aside " +
        "(with its -wal and -shm files) so that the host starts with an empty store, knowing that the remote jobs of the tasks it held are no longer tracked " +
        "and need manual cleanup. The file was left as it is: it is never deleted or recreated.",
        exception);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Close()
    {
        _writer?.Dispose();
        _writer = null;
        _connection?.Dispose();
        _connection = null;
        if (_lock is { } held)
        {
            _lock = null;
            StoreLockFile.Release(held, _lockPath);
        }
    }
}
