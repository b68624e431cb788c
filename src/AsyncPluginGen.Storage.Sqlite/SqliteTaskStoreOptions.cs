namespace AsyncPluginGen.Hosting;

/// <summary>Where and how durably a <see cref="SqliteTaskStore"/> keeps its tasks.</summary>
public sealed class SqliteTaskStoreOptions
{
    /// <summary>
    /// The database file (required). Its directory is created if missing. Next to it live <c>&lt;Path&gt;-wal</c> and
    /// <c>&lt;Path&gt;-shm</c> (SQLite's write-ahead log) and <c>&lt;Path&gt;.lock</c> (the owning host's process id).
    /// One host per file.
    /// </summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>How durable a saved batch is; <see cref="SqliteSynchronous.Full"/> by default.</summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;
}

/// <summary>When a batch saved by a <see cref="SqliteTaskStore"/> counts as durable (SQLite's <c>PRAGMA synchronous</c>).</summary>
public enum SqliteSynchronous
{
    /// <summary>Each commit is flushed to the disk: a saved batch survives a power loss or an OS crash. The default.</summary>
    Full = 0,

    /// <summary>
    /// Commits are flushed at checkpoints only: a saved batch survives a crash of the process, but the last batches may
    /// be lost when the machine loses power or the OS crashes. Faster; the file is never corrupted either way.
    /// </summary>
    Normal = 1,
}
