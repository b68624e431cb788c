namespace AsyncPluginGen.Storage.Sqlite.Tests;

/// <summary>What every <see cref="ITaskStore"/> does, run against each implementation.</summary>
public abstract class TaskStoreContractTests : IAsyncLifetime
{
    private readonly List<ITaskStore> _stores = [];

    protected static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty store (not opened).</summary>
    protected abstract ITaskStore CreateStore();

    /// <summary>The store a restarted host gets after <paramref name="previous"/> was disposed (not opened).</summary>
    protected abstract ITaskStore Restart(ITaskStore previous);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected T Track<T>(T store)
        where T : ITaskStore
    {
        _stores.Add(store);
        return store;
    }

    protected static StoredTask Row(string name, byte[]? context = null, byte[]? meta = null, long version = 1, DateTimeOffset? ended = null, byte progress = 1) => new()
    {
        UniqueName = name,
        PluginId = "warehouse",
        TaskType = "restock",
        Context = context,
        Meta = meta,
        Progress = [progress],
        Version = version,
        UpdatedAt = Now.AddMinutes(version),
        EndedAt = ended,
    };

    protected async Task<ITaskStore> RestartAndOpenAsync(ITaskStore store)
    {
        await store.DisposeAsync();
        var next = Track(Restart(store));
        await next.OpenAsync();
        return next;
    }

    protected static void AssertSame(StoredTask expected, StoredTask? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.UniqueName, actual.UniqueName);
        Assert.Equal(expected.PluginId, actual.PluginId);
        Assert.Equal(expected.TaskType, actual.TaskType);
        Assert.Equal(expected.Context, actual.Context);
        Assert.Equal(expected.Meta, actual.Meta);
        Assert.Equal(expected.Progress, actual.Progress);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.EndedAt, actual.EndedAt);
    }

    [Fact]
    public async Task A_new_store_opens_empty()
    {
        var store = Track(CreateStore());
        Assert.Empty(await store.OpenAsync());
    }

    [Fact]
    public async Task An_inserted_task_is_returned_after_a_restart()
    {
        var store = Track(CreateStore());
        await store.OpenAsync();
        var row = Row("a", context: [1, 2], meta: [3]);
        await store.SaveAsync([row, Row("b", context: [9])]);

        var restarted = Track(Restart(await DisposedAsync(store)));
        var open = await restarted.OpenAsync();

        Assert.Equal(["a", "b"], open.Select(r => r.UniqueName).Order());
        AssertSame(row, open.Single(r => r.UniqueName == "a"));
    }

    [Fact]
    public async Task An_empty_context_or_meta_is_a_value_not_a_null()
    {
        var store = Track(CreateStore());
        await store.OpenAsync();
        await store.SaveAsync([Row("a", context: [1], meta: [2])]);
        await store.SaveAsync([Row("a", context: [], meta: [], version: 2)]);

        AssertSame(Row("a", context: [], meta: [], version: 2), await store.FindAsync("a"));
        store = await RestartAndOpenAsync(store);
        AssertSame(Row("a", context: [], meta: [], version: 2), await store.FindAsync("a"));
    }

    [Fact]
    public async Task A_null_context_or_meta_keeps_the_stored_one()
    {
        var store = Track(CreateStore());
        await store.OpenAsync();
        await store.SaveAsync([Row("a", context: [1], version: 1)]);
        await store.SaveAsync([Row("a", meta: [2], version: 2, progress: 2)]);
        await store.SaveAsync([Row("a", version: 3, progress: 3)]);

        var found = await store.FindAsync("a");
        AssertSame(Row("a", context: [1], meta: [2], version: 3, progress: 3), found);

        store = await RestartAndOpenAsync(store);
        AssertSame(Row("a", context: [1], meta: [2], version: 3, progress: 3), await store.FindAsync("a"));
    }

    [Fact]
    public async Task An_ended_task_is_not_returned_by_open_but_is_found()
    {
        var store = Track(CreateStore());
        await store.OpenAsync();
        var ended = Row("ended", context: [1], ended: Now.AddHours(1));
        await store.SaveAsync([Row("running"), ended]);

        var restarted = Track(Restart(await DisposedAsync(store)));
        var open = await restarted.OpenAsync();

        Assert.Equal("running", Assert.Single(open).UniqueName);
        AssertSame(ended, await restarted.FindAsync("ended"));
        Assert.Null(await restarted.FindAsync("never-stored"));
    }

    [Fact]
    public async Task Purge_deletes_the_tasks_ended_before_the_cut_off_only()
    {
        var store = Track(CreateStore());
        await store.OpenAsync();
        await store.SaveAsync([Row("old", ended: Now), Row("recent", ended: Now.AddHours(2)), Row("running")]);

        Assert.Equal(1, await store.PurgeEndedAsync(Now.AddHours(1)));
        Assert.Equal(0, await store.PurgeEndedAsync(Now.AddHours(1)));

        Assert.Null(await store.FindAsync("old"));
        Assert.NotNull(await store.FindAsync("recent"));
        Assert.NotNull(await store.FindAsync("running"));
    }

    [Fact]
    public async Task A_cancelled_save_writes_nothing()
    {
        var store = Track(CreateStore());
        await store.OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync([Row("a"), Row("b")], cancelled.Token));

        Assert.Null(await store.FindAsync("a"));
        store = await RestartAndOpenAsync(store);
        Assert.Null(await store.FindAsync("a"));
        Assert.Null(await store.FindAsync("b"));
    }

    [Fact]
    public async Task A_second_open_while_open_is_refused()
    {
        var store = Track(CreateStore());
        await store.OpenAsync();
        var second = Track(SecondOnSameStore(store));

        await Assert.ThrowsAsync<TaskStoreException>(() => second.OpenAsync());
    }

    /// <summary>Another store object over the same storage as <paramref name="store"/>, as a second host would have.</summary>
    protected abstract ITaskStore SecondOnSameStore(ITaskStore store);

    private static async Task<ITaskStore> DisposedAsync(ITaskStore store)
    {
        await store.DisposeAsync();
        return store;
    }
}

public sealed class InMemoryTaskStoreContractTests : TaskStoreContractTests
{
    protected override ITaskStore CreateStore() => new InMemoryTaskStore();

    protected override ITaskStore Restart(ITaskStore previous) => new InMemoryTaskStore(((InMemoryTaskStore)previous).GetRows());

    protected override ITaskStore SecondOnSameStore(ITaskStore store) => store;
}

public sealed class SqliteTaskStoreContractTests : TaskStoreContractTests
{
    private readonly TempDirectory _directory = new();

    protected override ITaskStore CreateStore() => new SqliteTaskStore(new SqliteTaskStoreOptions { Path = _directory.File("tasks.db") });

    protected override ITaskStore Restart(ITaskStore previous) => new SqliteTaskStore(new SqliteTaskStoreOptions { Path = ((SqliteTaskStore)previous).Path });

    protected override ITaskStore SecondOnSameStore(ITaskStore store) => Restart(store);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
