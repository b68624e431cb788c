using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AsyncPluginGen.Hosting.Tests.Storage;

/// <summary>What stopping does to tasks in flight, with a task store and without, for each <see cref="StopBehavior"/>.</summary>
public sealed class StopTests
{
    [Fact]
    public async Task WithAStore_RunningTasksStayRunning_AndTheirRowsStayResumable()
    {
        var store = new TestStore();
        await using var h = await RecoveryTests.StartedAsync(store);
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        await RecoveryTests.DurableRowsAsync(h, store, "a", row => row.Meta is not null);

        await h.Host.StopAsync();

        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => handle.Completion);
        Assert.Contains("resumes when a host next opens the task store", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Calls.Count("a", Op.Delete));
        var row = Assert.Single(store.GetRows());
        Assert.Null(row.EndedAt);
        Assert.Equal(PluginState.ResourcesCreated, RecoveryTests.Progress(row).State);
    }

    [Fact]
    public async Task WithAStore_AnAbortDeleteInFlight_FinishesWithinTheStop()
    {
        var store = new TestStore();
        await using var h = await RecoveryTests.StartedAsync(store);
        var gate = Wait.Gate();
        h.Script("a").OnDelete(Steps.After(gate, Steps.Return(true)));
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        handle.Abort();
        await h.Calls.WaitAsync("a", Op.Delete, 1);

        var stopping = h.Host.StopAsync();
        Assert.False(stopping.IsCompleted); // it waits for the Delete
        gate.SetResult();
        await stopping.Bounded();

        Assert.Equal(PluginState.Aborted, (await handle.Completion.Bounded()).State);
        Assert.NotNull(Assert.Single(store.GetRows()).EndedAt);
    }

    [Fact]
    public async Task WithAStore_AnAbortDeleteCutShortByTheStopToken_IsResumedAfterRestart()
    {
        var store = new TestStore();
        await using var first = await RecoveryTests.StartedAsync(store);
        var hang = Wait.Gate();
        first.Script("a").OnDelete(Steps.After(hang, Steps.Return(true)));
        var handle = first.Submit("a");
        await first.WaitForPhaseAsync("a", TaskPhase.Running);
        handle.Abort();
        await first.Calls.WaitAsync("a", Op.Delete, 1);
        using var shortStop = new CancellationTokenSource();
        var stopping = first.Host.StopAsync(shortStop.Token);
        await shortStop.CancelAsync();
        await stopping.Bounded();
        var row = Assert.Single(store.GetRows());
        Assert.Null(row.EndedAt);
        Assert.NotNull(RecoveryTests.Progress(row).Delete);

        await using var second = await RecoveryTests.RestartedAsync(first, store.GetRows());
        var result = await second.CompletionAsync(await RecoveryTests.RecoveredAsync(second, "a"));

        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Equal(2, first.Calls.Count("a", Op.Delete));
        hang.TrySetResult();
    }

    [Fact]
    public async Task WithoutAStore_LeaveRunning_ReportsEachJobLeftRunning()
    {
        await using var h = new HostHarness();
        using var leftRunning = new MetricCollector<long>(h.Meters, HostMetrics.MeterName, "asyncplugin.tasks.left_running");
        var running = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        await h.Host.StopAsync();

        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => running.Completion);
        Assert.Contains("its remote job was not deleted", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, leftRunning.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(0, h.Calls.Count("a", Op.Delete));
    }

    [Fact]
    public async Task AbortAndDelete_DeletesEveryJobInFlight_BeforeTheStopEnds()
    {
        await using var h = new HostHarness(s => s.Options.StopBehavior = StopBehavior.AbortAndDelete);
        var a = h.Submit("a");
        var b = h.Submit("b");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        await h.WaitForPhaseAsync("b", TaskPhase.Running);

        await h.Host.StopAsync().Bounded();

        Assert.Equal(PluginState.Aborted, (await a.Completion).State);
        Assert.Equal(PluginState.Aborted, (await b.Completion).State);
        Assert.Equal(DeleteReason.Aborted, Assert.Single(h.Calls.Of("a", Op.Delete)).Reason);
        Assert.Equal(DeleteReason.Aborted, Assert.Single(h.Calls.Of("b", Op.Delete)).Reason);
    }
}
