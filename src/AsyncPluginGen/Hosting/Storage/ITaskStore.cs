namespace AsyncPluginGen.Hosting;

/// <summary>
/// Where a <see cref="PluginHost"/> keeps its tasks so that a restarted host resumes them instead of forgetting their
/// remote jobs. The host owns the format of what it stores (<see cref="StoredTask.Context"/>, <see cref="StoredTask.Meta"/>,
/// <see cref="StoredTask.Progress"/>); a store only keeps rows, keyed by unique name, durably and atomically per batch.
/// <para>
/// The host batches its writes (group commit: one <see cref="SaveAsync"/> every <see cref="PluginHostOptions.StoreCommitInterval"/>
/// at most, each task at most once per batch, only when it changed), and waits for a batch to be durable before each
/// remote call whose loss matters (Create, Delete).
/// </para>
/// </summary>
/// <remarks>
/// Implementations: <see cref="InMemoryTaskStore"/> (no persistence; for tests and for hosts that want none) and the
/// SQLite store of the <c>AsyncPluginGen.Storage.Sqlite</c> package (<c>services.AddSqliteTaskStore(path)</c>).
/// The host calls <see cref="OpenAsync"/> once, then the other members from one thread at a time.
/// </remarks>
public interface ITaskStore : IAsyncDisposable
{
    /// <summary>
    /// Opens the store for one host: takes exclusive ownership (a second host on the same store must fail here), creates
    /// or migrates the schema, and returns every task that has not ended (<see cref="StoredTask.EndedAt"/> is null).
    /// </summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The tasks to resume, in no particular order.</returns>
    /// <exception cref="TaskStoreException">
    /// The store cannot be used: another host owns it, it is corrupt, or its schema is newer than this version knows.
    /// The message says which, and what to do.
    /// </exception>
    Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="batch"/> in one transaction: each task is inserted, or replaces the stored row with the same
    /// unique name (a null <see cref="StoredTask.Context"/> or <see cref="StoredTask.Meta"/> keeps the stored one: each is
    /// written once). Either every row is durable when the
    /// returned task completes, or none is and the task faults.
    /// </summary>
    /// <param name="batch">The rows, at most one per unique name.</param>
    /// <param name="cancellationToken">Cancels the write (the transaction is then rolled back).</param>
    /// <returns>A task that completes when the batch is durable.</returns>
    Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default);

    /// <summary>Finds a task, ended or not, by its unique name.</summary>
    /// <param name="uniqueName">The task's unique name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored row, or null when the store holds no task with that name (never stored, or purged).</returns>
    Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default);

    /// <summary>Deletes the tasks that ended before <paramref name="endedBefore"/>.</summary>
    /// <param name="endedBefore">The cut-off.</param>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many rows were deleted.</returns>
    Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default);
}
