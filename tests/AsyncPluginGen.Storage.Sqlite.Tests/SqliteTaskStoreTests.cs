using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Storage.Sqlite.Tests;

public sealed class SqliteTaskStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string DbPath => _directory.File("tasks.db");

    private SqliteTaskStore NewStore(string? path = null, SqliteSynchronous synchronous = SqliteSynchronous.Full) =>
        new(new SqliteTaskStoreOptions { Path = path ?? DbPath, Synchronous = synchronous });

    private static StoredTask Row(string name, long version = 1) => new()
    {
        UniqueName = name,
        PluginId = "warehouse",
        TaskType = "restock",
        Context = [1],
        Progress = [2],
        Version = version,
        UpdatedAt = DateTimeOffset.UnixEpoch.AddDays(version),
    };

    [Fact]
    public async Task Tasks_survive_dispose_and_reopen_on_the_same_file_and_the_lock_file_goes()
    {
        await using (var store = NewStore())
        {
            await store.OpenAsync();
            await store.SaveAsync([Row("a"), Row("b")]);
            await store.SaveAsync([Row("a", version: 2)]);
            Assert.True(File.Exists(DbPath + ".lock"));
        }

        Assert.False(File.Exists(DbPath + ".lock"));
        await using var reopened = NewStore();
        var open = await reopened.OpenAsync();
        Assert.Equal(["a", "b"], open.Select(r => r.UniqueName).Order());
        Assert.Equal(2, open.Single(r => r.UniqueName == "a").Version);
    }

    [Fact]
    public async Task Dispose_is_idempotent()
    {
        var store = NewStore();
        await store.OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindAsync("a"));
    }

    [Fact]
    public async Task The_directory_is_created_when_missing()
    {
        var path = Path.Combine(_directory.Path, "a", "b", "tasks.db");
        await using var store = NewStore(path);
        Assert.Empty(await store.OpenAsync());
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_second_instance_on_the_same_file_is_refused_naming_the_lock_file_and_the_owner_pid()
    {
        await using var first = NewStore();
        await first.OpenAsync();
        await using var second = NewStore();

        var refused = await Assert.ThrowsAsync<TaskStoreException>(() => second.OpenAsync());

        Assert.Contains(DbPath + ".lock", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("One host per store file", refused.Message, StringComparison.Ordinal);

        // The refused instance did not disturb the owner, nor its lock file.
        await first.SaveAsync([Row("a")]);
        Assert.NotNull(await first.FindAsync("a"));
        Assert.True(File.Exists(DbPath + ".lock"));
    }

    [Fact]
    public async Task A_lock_held_by_a_killed_process_does_not_block()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // flock is what this is about; on Windows the sharing mode does the same job
        }

        var lockPath = DbPath + ".lock";
        var script = $"import fcntl, os, sys\nf = open({Quote(lockPath)}, 'w')\nfcntl.flock(f, fcntl.LOCK_EX)\nf.write(str(os.getpid())); f.flush()\nprint('locked', flush=True)\nsys.stdin.read()\n";
        using var holder = Process.Start(new ProcessStartInfo("python3", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardInput = true })!;
        Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync());

        await using (var blocked = NewStore())
        {
            var refused = await Assert.ThrowsAsync<TaskStoreException>(() => blocked.OpenAsync());
            Assert.Contains($"process {holder.Id}", refused.Message, StringComparison.Ordinal);
        }

        holder.Kill();
        await holder.WaitForExitAsync();
        Assert.True(File.Exists(lockPath));

        await using var store = NewStore();
        Assert.Empty(await store.OpenAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_intact()
    {
        var garbage = new byte[8192];
        new Random(42).NextBytes(garbage);
        "this is not a SQLite database, but some other file\n"u8.CopyTo(garbage);
        await File.WriteAllBytesAsync(DbPath, garbage);

        await using var store = NewStore();
        var refused = await Assert.ThrowsAsync<TaskStoreException>(() => store.OpenAsync());

        Assert.Contains("not a usable task store", refused.Message, StringComparison.Ordinal);
        Assert.Contains("backup", refused.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(refused.InnerException);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(DbPath));
        Assert.False(File.Exists(DbPath + ".lock"));

        // Refused again, the same way: nothing was repaired or recreated.
        await using var again = NewStore();
        await Assert.ThrowsAsync<TaskStoreException>(() => again.OpenAsync());
        Assert.Equal(garbage, await File.ReadAllBytesAsync(DbPath));
    }

    [Fact]
    public async Task A_database_with_a_corrupt_page_is_refused_and_left_intact()
    {
        await using (var store = NewStore())
        {
            await store.OpenAsync();
            await store.SaveAsync([.. Enumerable.Range(0, 50).Select(i => Row($"t{i}"))]);
        }

        // Page 2 is the tasks table's root: overwrite it, as a torn write or a bad disk would.
        var bytes = await File.ReadAllBytesAsync(DbPath);
        Assert.True(bytes.Length >= 3 * 4096, $"the database has {bytes.Length} bytes");
        Array.Fill(bytes, (byte)0xA5, 4096, 4096);
        await File.WriteAllBytesAsync(DbPath, bytes);

        await using var corrupt = NewStore();
        var refused = await Assert.ThrowsAsync<TaskStoreException>(() => corrupt.OpenAsync());

        Assert.Contains("not a usable task store", refused.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(DbPath));
    }

    [Fact]
    public async Task An_empty_existing_file_is_migrated_to_the_latest_schema()
    {
        await File.WriteAllBytesAsync(DbPath, []);

        await using (var store = NewStore())
        {
            Assert.Empty(await store.OpenAsync());
            await store.SaveAsync([Row("a")]);
        }

        Assert.Equal(2L, Scalar(DbPath, "PRAGMA user_version"));
    }

    [Fact]
    public async Task A_version_1_file_is_migrated_keeping_its_rows_and_indexes_only_ended_tasks()
    {
        // Schema 1 as the first release of the store wrote it, with one in-flight and one ended task.
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE tasks (unique_name TEXT PRIMARY KEY NOT NULL, plugin_id TEXT NOT NULL, task_type TEXT NOT NULL,
                    context BLOB, meta BLOB, progress BLOB NOT NULL, version INTEGER NOT NULL, updated_at INTEGER NOT NULL, ended_at INTEGER);
                CREATE INDEX tasks_ended_at ON tasks (ended_at);
                INSERT INTO tasks VALUES ('running', 'warehouse', 'restock', X'01', X'02', X'03', 4, 5, NULL);
                INSERT INTO tasks VALUES ('ended', 'warehouse', 'restock', X'01', X'02', X'03', 4, 5, 6);
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        await using (var store = NewStore())
        {
            var open = await store.OpenAsync();
            var running = Assert.Single(open);
            Assert.Equal("running", running.UniqueName);
            Assert.Equal([2], running.Meta);
            Assert.NotNull(await store.FindAsync("ended"));
            Assert.Equal(1, await store.PurgeEndedAsync(new DateTimeOffset(7, TimeSpan.Zero)));
            Assert.Null(await store.FindAsync("ended"));
        }

        Assert.Equal(2L, Scalar(DbPath, "PRAGMA user_version"));
        Assert.EndsWith("WHERE ended_at IS NOT NULL", (string?)Scalar(DbPath, "SELECT sql FROM sqlite_master WHERE name = 'tasks_ended_at'"), StringComparison.Ordinal);
        Assert.Contains("USING INDEX tasks_ended_at", QueryPlan(DbPath, "DELETE FROM tasks WHERE ended_at < 7"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_schema_is_refused_naming_both_versions()
    {
        await using (var store = NewStore())
        {
            await store.OpenAsync();
            await store.SaveAsync([Row("a")]);
        }

        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 7";
            command.ExecuteNonQuery();
        }

        await using var newer = NewStore();
        var refused = await Assert.ThrowsAsync<TaskStoreException>(() => newer.OpenAsync());

        Assert.Contains("schema version 7", refused.Message, StringComparison.Ordinal);
        Assert.Contains("version 2 this version", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade AsyncPluginGen.Storage.Sqlite", refused.Message, StringComparison.Ordinal);
        Assert.Equal(7L, Scalar(DbPath, "PRAGMA user_version"));
    }

    [Theory]
    [InlineData(SqliteSynchronous.Full)]
    [InlineData(SqliteSynchronous.Normal)]
    public async Task The_database_is_in_wal_mode_at_the_latest_schema_version(SqliteSynchronous synchronous)
    {
        await using (var store = NewStore(synchronous: synchronous))
        {
            await store.OpenAsync();
        }

        Assert.Equal("wal", Scalar(DbPath, "PRAGMA journal_mode"));
        Assert.Equal(2L, Scalar(DbPath, "PRAGMA user_version"));
    }

    [Fact]
    public async Task A_batch_with_a_failing_row_writes_nothing_and_the_store_stays_usable()
    {
        await using var store = NewStore();
        await store.OpenAsync();
        var broken = new StoredTask { UniqueName = "broken", PluginId = "warehouse", TaskType = "restock", Progress = null! };

        var failed = await Assert.ThrowsAsync<TaskStoreException>(() => store.SaveAsync([Row("a"), broken]));

        Assert.NotNull(failed.InnerException);
        Assert.Null(await store.FindAsync("a"));
        await store.SaveAsync([Row("a")]);
        Assert.NotNull(await store.FindAsync("a"));
    }

    [Fact]
    public async Task Concurrent_calls_are_serialized()
    {
        await using var store = NewStore();
        await store.OpenAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.SaveAsync([Row($"t{i}")]))));

        Assert.Equal(20, (await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.FindAsync($"t{i}")))).Count(r => r is not null));
    }

    [Fact]
    public void An_empty_path_is_refused_with_a_clear_message()
    {
        var services = new ServiceCollection();
        var empty = Assert.Throws<ArgumentException>(() => services.AddSqliteTaskStore(""));
        Assert.Contains("Path is empty", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => services.AddSqliteTaskStore(options => options.Synchronous = SqliteSynchronous.Normal));
        Assert.Throws<ArgumentException>(() => new SqliteTaskStore(new SqliteTaskStoreOptions()));
    }

    [Fact]
    public async Task AddSqliteTaskStore_registers_one_singleton_store()
    {
        var services = new ServiceCollection();
        services.AddSqliteTaskStore(options =>
        {
            options.Path = DbPath;
            options.Synchronous = SqliteSynchronous.Normal;
        });
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<ITaskStore>();
        Assert.Same(store, provider.GetRequiredService<ITaskStore>());
        Assert.Equal(DbPath, Assert.IsType<SqliteTaskStore>(store).Path);
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string QueryPlan(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var details = new List<string>();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join("; ", details);
    }

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
