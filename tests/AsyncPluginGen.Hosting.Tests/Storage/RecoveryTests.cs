using AsyncPluginGen.Hosting.Tests.Infrastructure;

namespace AsyncPluginGen.Hosting.Tests.Storage;

/// <summary>
/// A host with a task store, "killed" at a chosen moment (the store's rows copied as they were, as a crashed process
/// leaves its file) and restarted on those rows against the same remote side: every task is resumed where it stood.
/// Run with each store: the in-memory one, and SQLite, whose restarted host reads the rows back from a file.
/// </summary>
public abstract class RecoveryTests
{
    /// <summary>The store the hosts use, made holding the given rows; null for the in-memory one.</summary>
    private protected abstract Func<IReadOnlyList<StoredTask>, ITaskStore>? Backend { get; }

    [Fact]
    public async Task CreatedTask_ResumesPolling_WithoutASecondCreate()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        first.Script("a").GetStates("RUNNING");
        first.Submit("a");
        await first.WaitForPhaseAsync("a", TaskPhase.Running);
        var rows = await DurableRowsAsync(first, store, "a", row => row.Meta is not null);

        await using var second = await RestartAsync(first, rows);
        second.Script("a").GetStates("DONE");
        var handle = await RecoveredAsync(second, "a");
        Assert.True(handle.IsRecovered);
        Assert.Equal(second.UniqueName("a"), handle.UniqueName);
        second.AdvanceBy(HostHarness.Resync);
        var result = await second.CompletionAsync(handle);

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Single(first.Calls.Of("a", Op.Create));
        Assert.Equal(1, Assert.Single(first.Calls.Of("a", Op.Get).Select(c => c.Meta!.Serial).Distinct()));
    }

    [Fact]
    public async Task RecoveredTask_CanBeFoundWatchedAndAttachedTo()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        first.Submit("a");
        await first.WaitForPhaseAsync("a", TaskPhase.Running);
        var rows = await DurableRowsAsync(first, store, "a", row => row.Meta is not null);

        await using var second = await RestartAsync(first, rows);
        var found = await second.Host.FindAsync(second.UniqueName("a"));
        var attached = second.Submit("a");
        await using var watch = attached.WatchAsync().GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync());

        Assert.NotNull(found);
        Assert.True(found!.IsRecovered);
        Assert.Same(found.Completion, attached.Completion);
        Assert.Equal(TaskPhase.Running, watch.Current.Phase.Phase);
        Assert.Single(first.Calls.Of("a", Op.Create));
    }

    [Fact]
    public async Task CrashDuringCreate_CreatesAgainWithTheSameUniqueName_AndEndsWithOneJob()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        var hang = new TaskCompletionSource();
        first.Script("a").OnCreate(Steps.After<JobResource?>(hang, Steps.Return<JobResource?>(null)));
        first.Submit("a");
        await first.Calls.WaitAsync("a", Op.Create, 1);
        var rows = store.GetRows(); // the process dies while Create is in flight

        // Scripted before the restart (the remote side is shared): the recovered task may poll as soon as the host starts.
        first.Script("a").GetStates("DONE");
        await using var second = await RestartAsync(first, rows);
        var handle = await RecoveredAsync(second, "a");
        var result = await second.CompletionAsync(handle);

        Assert.Equal(PluginState.Succeeded, result.State);
        var creates = first.Calls.Of("a", Op.Create);
        Assert.Equal(2, creates.Count);
        Assert.All(creates, c => Assert.Equal(second.UniqueName("a"), c.UniqueName)); // the same idempotency key
        hang.TrySetResult();
    }

    [Fact]
    public async Task CreateInDoubt_IsResolvedThroughTheIdempotentCreate_AfterRestart()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        first.Script("a").OnCreate(Steps.Throw<JobResource?>(new TimeoutException("response lost")));
        first.Submit("a");
        var rows = await store.WaitForRowAsync(r => Progress(r).CreateInDoubt, "the Create in doubt is durable");

        // Scripted before the restart (the remote side is shared): the recovered task may poll as soon as the host starts.
        first.Script("a").GetStates("DONE");
        await using var second = await RestartAsync(first, rows);
        var result = await second.CompletionAsync(await RecoveredAsync(second, "a"));

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal(2, first.Calls.Count("a", Op.Create));
    }

    [Fact]
    public async Task FailedGetsInARow_AreNotForgivenByARestart()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store, s => s.Scripted.MaxSystemFailures = 2);
        var down = new HttpRequestException("service unavailable (test)");
        first.Script("a").OnGet(Steps.Return(new JobResource("RUNNING")), Steps.Throw<JobResource>(down), Steps.Throw<JobResource>(down));
        first.Submit("a");
        await first.WaitForPhaseAsync("a", TaskPhase.Running);
        var gets = first.Calls.Count("a", Op.Get);
        first.AdvanceBy(HostHarness.Resync);
        await first.Calls.WaitAsync("a", Op.Get, gets + 1);
        first.AdvanceBy(HostHarness.Resync);
        await first.Calls.WaitAsync("a", Op.Get, gets + 2);
        var rows = await DurableRowsAsync(first, store, "a", row => Progress(row).GetFailures == 2);

        // Two failures in a row before the crash; the third, after it, exceeds MaxSystemFailures (2).
        // Scripted before the restart (the remote side is shared): the recovered task may poll as soon as the host starts.
        first.Script("a").OnGet(Steps.Throw<JobResource>(down));
        await using var second = await RestartAsync(first, rows, s => s.Scripted.MaxSystemFailures = 2);
        var handle = await RecoveredAsync(second, "a");
        second.AdvanceBy(HostHarness.Resync);
        var result = await second.CompletionAsync(handle);

        Assert.Equal(HostReasons.AutoRefreshCacheFailed, result.Phase.Error?.Code);
        Assert.Contains("Get failed 3 times in a row", result.Phase.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbortPending_DeletesAfterRestart_AndEndsAborted()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        var hang = new TaskCompletionSource();
        first.Script("a").OnDelete(Steps.After(hang, Steps.Return(true)));
        var handle = first.Submit("a");
        await first.WaitForPhaseAsync("a", TaskPhase.Running);
        handle.Abort();
        await first.Calls.WaitAsync("a", Op.Delete, 1);
        var rows = store.GetRows(); // dies while the Delete is in flight

        await using var second = await RestartAsync(first, rows);
        var result = await second.CompletionAsync(await RecoveredAsync(second, "a"));

        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        Assert.Equal(PluginState.Aborted, result.State);
        var deletes = first.Calls.Of("a", Op.Delete);
        Assert.Equal(2, deletes.Count);
        Assert.All(deletes, d => Assert.Equal(DeleteReason.Aborted, d.Reason));
        Assert.Single(first.Calls.Of("a", Op.Create));
        hang.TrySetResult();
    }

    [Fact]
    public async Task DeadlinePassedWhileDown_DeletesTheJob_AndFailsWithTheTimeout()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        first.Submit("a", new TaskOptions { Timeout = TimeSpan.FromSeconds(30) });
        await first.WaitForPhaseAsync("a", TaskPhase.Running);
        var rows = await DurableRowsAsync(first, store, "a", row => row.Meta is not null);

        await first.Host.StopAsync(new CancellationToken(canceled: true));
        first.Time.Advance(TimeSpan.FromSeconds(60)); // the host is down past the deadline
        await using var second = await RestartAsync(first, rows);
        second.AdvanceBy(TimeSpan.FromSeconds(1));
        var result = await second.CompletionAsync(await RecoveredAsync(second, "a"));

        Assert.True(result.Phase.IsTerminal);
        Assert.NotEqual(PluginState.Succeeded, result.State);
        Assert.Single(first.Calls.Of("a", Op.Delete));
    }

    [Fact]
    public async Task CreatedTask_TakesItsQuotaTokenAgain()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store, s => s.Quota(1));
        first.Submit("a");
        await first.WaitForPhaseAsync("a", TaskPhase.Running);
        var rows = await DurableRowsAsync(first, store, "a", row => row.Meta is not null);

        await using var second = await RestartAsync(first, rows, s => s.Quota(1));
        var waiting = second.Submit("b"); // the recovered task holds the only token

        await second.WaitForPhaseAsync("b", TaskPhase.WaitingForResources);
        Assert.False(waiting.Completion.IsCompleted);
        Assert.Equal(0, first.Calls.Count("b", Op.Create));
    }

    [Fact]
    public async Task EndedTask_IsNotResumed_AndFindAsyncReturnsItsOutcome()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        first.Script("a").CreateReturnsResource("DONE");
        var result = await first.CompletionAsync(first.Submit("a"));
        var rows = store.GetRows();

        await using var second = await RestartAsync(first, rows);
        var found = await second.Host.FindAsync(second.UniqueName("a"));

        Assert.Empty(second.Host.GetTasks());
        Assert.NotNull(found);
        Assert.True(found!.Completion.IsCompletedSuccessfully);
        Assert.Equal(result.Phase.Phase, (await found.Completion).Phase.Phase);
        Assert.Equal(PluginState.Succeeded, (await found.Completion).State);
        Assert.Null(await second.Host.FindAsync(second.UniqueName("never-submitted")));
    }

    [Fact]
    public async Task Completion_WaitsUntilTheOutcomeIsDurable()
    {
        var store = NewStore();
        await using var h = await StartedAsync(store);
        h.Script("a").GetStates("RUNNING", "DONE");
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        await DurableRowsAsync(h, store, "a", row => row.Meta is not null);
        var gate = Wait.Gate();
        store.Gate = gate;
        h.AdvanceBy(HostHarness.Resync);
        await h.WaitForPhaseAsync("a", TaskPhase.Success);

        Assert.False(handle.Completion.IsCompleted);
        gate.SetResult();
        Assert.Equal(PluginState.Succeeded, (await h.CompletionAsync(handle)).State);
        Assert.NotNull(Assert.Single(store.GetRows()).EndedAt);
    }

    [Fact]
    public async Task Create_WaitsUntilTheTaskIsDurable()
    {
        var gate = new TaskCompletionSource();
        var store = NewStore(gate: gate);
        await using var h = await StartedAsync(store);
        h.Submit("a");
        await store.SaveStarted.Task;

        Assert.Equal(0, h.Calls.Count("a", Op.Create));
        gate.SetResult();
        await h.Calls.WaitAsync("a", Op.Create, 1);
        Assert.Contains(store.GetRows(), r => r.UniqueName == h.UniqueName("a"));
    }

    [Fact]
    public async Task FailingStore_IsRetried_AndNothingIsLost()
    {
        var store = NewStore(failNext: 3);
        await using var h = await StartedAsync(store);
        h.Script("a").CreateReturnsResource("DONE");

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal(0, store.FailNext);
        Assert.NotNull(Assert.Single(store.GetRows()).EndedAt);
    }

    [Fact]
    public async Task UnknownTaskType_StaysInTheStoreUntouched_AndIsNotResumed()
    {
        var stranger = new StoredTask
        {
            UniqueName = "stranger-0",
            PluginId = "gone",
            TaskType = "gone_type",
            Context = [(byte)'{', (byte)'}'],
            Progress = [(byte)'{', (byte)'}'],
        };
        var store = NewStore([stranger]);
        await using var h = await StartedAsync(store);

        Assert.Empty(h.Host.GetTasks());
        Assert.Same(stranger, Assert.Single(store.GetRows()));
    }

    [Fact]
    public async Task StartAsync_OnAStoreOwnedByAnotherHost_ThrowsTaskStoreException()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        await using var second = new HostHarness(s => s.Store = store);

        var error = await Assert.ThrowsAsync<TaskStoreException>(second.StartAsync);

        // In memory: the same store object; SQLite: the same file, held by the first host's lock.
        Assert.Contains(Backend is null ? "already open" : "is held by process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_BeforeStartAsync_WithAStore_SaysToStartFirst()
    {
        await using var h = new HostHarness(s => s.Store = new InMemoryTaskStore());

        var error = Assert.Throws<InvalidOperationException>(() => h.Submit("a"));

        Assert.Contains("StartAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncTask_RunsAgainAfterRestart()
    {
        var store = NewStore();
        await using var first = await StartedAsync(store);
        var hang = new TaskCompletionSource();
        first.SyncPlugin.Steps.Enqueue(Steps.After(hang, Steps.Return(PhaseInfo.Success())));
        first.SubmitSync("s");
        await first.Calls.WaitAsync("s", Op.Do, 1);
        var rows = store.GetRows();

        await using var second = await RestartAsync(first, rows);
        var result = await second.CompletionAsync(await RecoveredAsync(second, "s"));

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal(2, first.Calls.Count("s", Op.Do));
        hang.TrySetResult();
    }

    internal static async Task<HostHarness> StartedAsync(ITaskStore store, Action<HarnessSetup>? configure = null)
    {
        var h = new HostHarness(s =>
        {
            s.Store = store;
            configure?.Invoke(s);
        });
        await h.StartAsync();
        return h;
    }

    internal static async Task<HostHarness> RestartedAsync(HostHarness earlier, IReadOnlyList<StoredTask> rows, Action<HarnessSetup>? configure = null, Func<IReadOnlyList<StoredTask>, ITaskStore>? backend = null)
    {
        // The earlier host is gone: it must not touch the remote side any more, nor write to the new store.
        await earlier.Host.StopAsync(new CancellationToken(canceled: true));
        return await StartedAsync(new TestStore(rows, backend), s =>
        {
            s.RestartOf = earlier;
            configure?.Invoke(s);
        });
    }

    private TestStore NewStore(IEnumerable<StoredTask>? rows = null, TaskCompletionSource? gate = null, int failNext = 0) =>
        new(rows, Backend) { Gate = gate, FailNext = failNext };

    private Task<HostHarness> RestartAsync(HostHarness earlier, IReadOnlyList<StoredTask> rows, Action<HarnessSetup>? configure = null) =>
        RestartedAsync(earlier, rows, configure, Backend);

    internal static Task<IReadOnlyList<StoredTask>> DurableRowsAsync(HostHarness h, TestStore store, string task, Func<StoredTask, bool> until) =>
        store.WaitForRowAsync(r => r.UniqueName == h.UniqueName(task) && until(r), $"the row of '{task}' is durable");

    /// <summary>The recovered task's handle, whether it still runs or already ended (race-free: FindAsync looks in both).</summary>
    internal static async Task<TaskHandle> RecoveredAsync(HostHarness h, string task) =>
        await h.Host.FindAsync(h.UniqueName(task)) ?? throw new InvalidOperationException($"Task '{task}' was not recovered.");

    internal static TaskProgress Progress(StoredTask row) => ProgressCodec.Read(row.Progress);
}
