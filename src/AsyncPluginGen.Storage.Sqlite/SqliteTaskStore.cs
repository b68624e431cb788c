using System.Data;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
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
    /// <summary>The schema migrations, in order: migration i brings <c>user_version</c> from i to i + 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE tasks (
            unique_name TEXT PRIMARY KEY NOT NULL,
            plugin_id TEXT NOT NULL,
            task_type TEXT NOT NULL,
            context BLOB,
            meta BLOB,
            progress BLOB NOT NULL,
            version INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            ended_at INTEGER
        );
        CREATE INDEX tasks_ended_at ON tasks (ended_at);
        """,
    ];

    private const string Columns = "unique_name, plugin_id, task_type, context, meta, progress, version, updated_at, ended_at";

    private const string Upsert =
        $"""
        INSERT INTO tasks ({Columns})
        VALUES (@unique_name, @plugin_id, @task_type, @context, @meta, @progress, @version, @updated_at, @ended_at)
        ON CONFLICT(unique_name) DO UPDATE SET
            plugin_id = excluded.plugin_id,
            task_type = excluded.task_type,
            context = COALESCE(excluded.context, context),
            meta = COALESCE(excluded.meta, meta),
            progress = excluded.progress,
            version = excluded.version,
            updated_at = excluded.updated_at,
            ended_at = excluded.ended_at
        """;

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly SqliteTaskStoreOptions _options;
    private readonly string _path;
    private readonly string _lockPath;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _lock;
    private SqliteConnection? _connection;
    private SqliteCommand? _upsert;
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
    internal static int LatestSchemaVersion => Migrations.Length;

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
                _lock = TakeLock(_lockPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new TaskStoreException($"The task store's lock file '{_lockPath}' cannot be created: {exception.Message} Check that the directory is writable by this process.", exception);
            }

            try
            {
                _connection = Connect();
                var rows = ReadOpenRows(_connection, cancellationToken);
                _upsert = PrepareUpsert(_connection);
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
            var connection = OpenConnection();
            var upsert = _upsert!;
            SqliteTransaction? transaction = null;
            try
            {
                transaction = connection.BeginTransaction();
                upsert.Transaction = transaction;
                foreach (var row in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Bind(upsert, row);
                    upsert.ExecuteNonQuery();
                }

                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
            }
            catch (Exception exception)
            {
                Rollback(transaction);
                if (exception is OperationCanceledException)
                {
                    throw;
                }

                throw new TaskStoreException($"Saving {batch.Count} task(s) to the task store '{_path}' failed, and nothing of the batch was written: {exception.Message}", exception);
            }
            finally
            {
                upsert.Transaction = null;
                transaction?.Dispose();
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
            command.CommandText = $"SELECT {Columns} FROM tasks WHERE unique_name = @unique_name";
            command.Parameters.AddWithValue("@unique_name", uniqueName);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadRow(reader) : null;
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
            for (var next = version; next < Migrations.Length; next++)
            {
                using var transaction = connection.BeginTransaction();
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = Migrations[next] + $"\nPRAGMA user_version = {next + 1};";
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
            command.CommandText = $"SELECT {Columns} FROM tasks WHERE ended_at IS NULL";
            using var reader = command.ExecuteReader();
            var rows = new List<StoredTask>();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(ReadRow(reader));
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

    private static SqliteCommand PrepareUpsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Upsert;
        command.Parameters.Add("@unique_name", SqliteType.Text);
        command.Parameters.Add("@plugin_id", SqliteType.Text);
        command.Parameters.Add("@task_type", SqliteType.Text);
        command.Parameters.Add("@context", SqliteType.Blob);
        command.Parameters.Add("@meta", SqliteType.Blob);
        command.Parameters.Add("@progress", SqliteType.Blob);
        command.Parameters.Add("@version", SqliteType.Integer);
        command.Parameters.Add("@updated_at", SqliteType.Integer);
        command.Parameters.Add("@ended_at", SqliteType.Integer);
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, StoredTask row)
    {
        var parameters = command.Parameters;
        parameters[0].Value = row.UniqueName;
        parameters[1].Value = row.PluginId;
        parameters[2].Value = row.TaskType;
        parameters[3].Value = (object?)row.Context ?? DBNull.Value;
        parameters[4].Value = (object?)row.Meta ?? DBNull.Value;
        parameters[5].Value = row.Progress;
        parameters[6].Value = row.Version;
        parameters[7].Value = row.UpdatedAt.UtcTicks;
        parameters[8].Value = row.EndedAt is { } ended ? ended.UtcTicks : DBNull.Value;
    }

    private static StoredTask ReadRow(SqliteDataReader reader) => new()
    {
        UniqueName = reader.GetString(0),
        PluginId = reader.GetString(1),
        TaskType = reader.GetString(2),
        Context = reader.IsDBNull(3) ? null : (byte[])reader.GetValue(3),
        Meta = reader.IsDBNull(4) ? null : (byte[])reader.GetValue(4),
        Progress = (byte[])reader.GetValue(5),
        Version = reader.GetInt64(6),
        UpdatedAt = new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
        EndedAt = reader.IsDBNull(8) ? null : new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero),
    };

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

    private static void Rollback(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (SqliteException)
        {
            // The transaction is already gone (SQLite rolls back on some errors by itself): nothing was committed.
        }
        catch (InvalidOperationException)
        {
            // Likewise: completed or never started.
        }
    }

    private void Close()
    {
        _upsert?.Dispose();
        _upsert = null;
        _connection?.Dispose();
        _connection = null;
        if (_lock is { } held)
        {
            _lock = null;
            try
            {
                // Deleted while still held, so that no other host can take the lock of a file that is about to go.
                File.Delete(_lockPath);
            }
            catch (IOException)
            {
                // Left behind: harmless, the next owner takes it (the lock, not the file, says who owns the store).
            }
            catch (UnauthorizedAccessException)
            {
                // Likewise.
            }

            held.Dispose();
        }
    }

    /// <summary>
    /// Takes the exclusive lock: the file opened with <see cref="FileShare.None"/>, which .NET turns into an exclusive
    /// <c>flock</c> on Linux and macOS (on Windows, a sharing mode that refuses other writers but lets the owner's pid be
    /// read), released by the operating system when the process ends, however it ends.
    /// </summary>
    private static FileStream TakeLock(string lockPath)
    {
        for (var attempt = 0; ; attempt++)
        {
            FileStream held;
            try
            {
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsWindows() ? FileShare.Read | FileShare.Delete : FileShare.None, bufferSize: 1);
            }
            catch (IOException exception) when (File.Exists(lockPath))
            {
                var owner = ReadOwner(lockPath);
                throw new TaskStoreException(
                    $"The task store is in use: the lock file '{lockPath}' is held by process {owner}. One host per store file: stop that host, " +
                    "or give this host a file of its own. (The lock is released when its process ends, even by a crash; a lock file left behind by a dead process does not block.)",
                    exception);
            }

            // The previous owner deletes the file before releasing it: a lock taken on a file that no longer has this
            // name protects nothing, so take the one that has.
            if (!File.Exists(lockPath) && attempt < 10)
            {
                held.Dispose();
                continue;
            }

            held.SetLength(0);
            var pid = Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            held.Write(pid);
            held.Flush(flushToDisk: false);
            return held;
        }
    }

    /// <summary>The pid written in a lock file held by another process, or "(unknown)".</summary>
    private static string ReadOwner(string lockPath)
    {
        try
        {
            string text;
            if (OperatingSystem.IsWindows())
            {
                using var stream = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                text = reader.ReadToEnd();
            }
            else
            {
                // A FileStream would take a shared flock, which the owner's exclusive one refuses: read it without.
                text = UnixFile.ReadWithoutLock(lockPath);
            }

            text = text.Trim();
            return text.Length > 0 ? text : "(unknown: the lock file is empty)";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return $"(unknown: {exception.Message})";
        }
    }
}
