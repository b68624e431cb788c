using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>ResourcesCreated → terminal: Status mapping, Get failures, Status failures, the bounded polling cache.</summary>
public sealed class PollingTests
{
    [Theory]
    [InlineData("QUEUED", TaskPhase.Queued)]
    [InlineData("INIT", TaskPhase.Initializing)]
    [InlineData("WAITING", TaskPhase.WaitingForResources)]
    [InlineData("RUNNING", TaskPhase.Running)]
    [InlineData("NOTREADY", TaskPhase.NotReady)]
    [InlineData("UNDEFINED", TaskPhase.Undefined)]
    public async Task NonTerminalStatus_IsReported_AndPollingContinues(string state, TaskPhase phase)
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates(state, "DONE");

        var handle = h.Submit("a");
        var reported = await h.WaitForEventAsync("a", e => e.Phase.Phase == phase && e.Phase.Reason != "launched", $"phase {phase}");
        Assert.Equal(PluginState.ResourcesCreated, reported.State);
        Assert.Equal(PluginState.ResourcesCreated, handle.State);
        h.AdvanceTo(At(5));
        var result = await h.CompletionAsync(handle);

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal([TaskPhase.Queued, phase, TaskPhase.Success], h.Trace("a").Select(t => t.Phase));
        Assert.Single(h.Calls.Of("a", Op.Create));
    }

    [Theory]
    [InlineData("DONE", TaskPhase.Success, PluginState.Succeeded, null, null)]
    [InlineData("FAILED", TaskPhase.PermanentFailure, PluginState.UserFailure, "JobFailed", ExecutionErrorKind.User)]
    [InlineData("RETRYABLE", TaskPhase.RetryableFailure, PluginState.UserFailure, "JobFlaked", ExecutionErrorKind.User)]
    [InlineData("SYSFAIL", TaskPhase.PermanentFailure, PluginState.SystemFailure, "RemoteSystemError", ExecutionErrorKind.System)]
    [InlineData("ABORTED", TaskPhase.Aborted, PluginState.Aborted, null, null)]
    public async Task TerminalStatus_EndsTheTask_InTheMatchingState_WithoutDelete(string state, TaskPhase phase, PluginState expected, string? code, ExecutionErrorKind? kind)
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates(state);

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(phase, result.Phase.Phase);
        Assert.Equal(expected, result.State);
        Assert.Equal(code, result.Phase.Error?.Code);
        Assert.Equal(kind, result.Phase.Error?.Kind);
        Assert.Empty(h.Calls.Of("a", Op.Delete)); // Flyte deletes only on abort, time-out or cleanup
        Assert.Equal(expected, h.Events("a")[^1].State);
    }

    [Fact]
    public async Task GetFailuresBeyondMaxSystemFailures_FailTheTask_WithAutoRefreshCacheFailed()
    {
        await using var h = new HostHarness(s => s.Scripted.MaxSystemFailures = 2);
        h.Script("a").GetAlwaysThrows = () => new HttpRequestException("service unreachable");

        var handle = h.Submit("a");
        for (var get = 2; get <= 3; get++)
        {
            await h.Spans.WaitAsync("a", "Get", get - 1);
            Assert.False(handle.Completion.IsCompleted); // MaxSystemFailures failures are tolerated
            h.AdvanceTo(At(5 * (get - 1)));
            await h.Calls.WaitAsync("a", Op.Get, get);
        }

        var result = await h.CompletionAsync(handle);

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal("AutoRefreshCacheFailed", result.Phase.Error?.Code);
        Assert.Equal(ExecutionErrorKind.User, result.Phase.Error?.Kind);
        Assert.Contains("3 times in a row", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("service unreachable", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Equal(At(10), h.Events("a")[^1].Timestamp);
        Assert.Equal([(TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated), (TaskPhase.PermanentFailure, 0u, result.Phase.Reason, PluginState.UserFailure)], h.Trace("a"));

        // Nobody will watch the job again, and it may still be running: it is cancelled before the failure is reported.
        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.CleanupOnFailure, delete.Reason);
        Assert.Equal(result.ResourceMeta, delete.Meta);
    }

    [Fact]
    public async Task MaxSystemFailuresZero_FailsOnTheFirstGetFailure()
    {
        await using var h = new HostHarness(s => s.Scripted.MaxSystemFailures = 0);
        h.Script("a").GetAlwaysThrows = () => new TimeoutException("slow");

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal("AutoRefreshCacheFailed", result.Phase.Error?.Code);
        Assert.Single(h.Calls.Of("a", Op.Get));
    }

    [Fact]
    public async Task StatusThrowing_IsASystemFailure_WhoseMessageNamesThePluginAndTheException()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("THROW");

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal(PluginState.SystemFailure, result.State);
        Assert.Equal("SystemError", result.Phase.Error?.Code);
        Assert.Equal(ExecutionErrorKind.System, result.Phase.Error?.Kind);
        var message = result.Phase.Error?.Message;
        Assert.Contains("'Scripted'", message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", message, StringComparison.Ordinal);
        Assert.Contains("Status exploded on purpose", message, StringComparison.Ordinal);

        // The job's state is unknown and it may still run: it is cancelled before the failure is reported.
        Assert.Equal(DeleteReason.CleanupOnFailure, Assert.Single(h.Calls.Of("a", Op.Delete)).Reason);
    }

    [Fact]
    public async Task GetAndStatus_ReceiveTheMetaCreateReturned_AndStatusTheResourceGetReturned()
    {
        await using var h = new HostHarness();
        h.Script("a").OnGet(Steps.Return(new JobResource("RUNNING", Version: 7)));

        h.Submit("a");
        var running = await h.WaitForPhaseAsync("a", TaskPhase.Running);

        var meta = Assert.Single(h.Calls.Of("a", Op.Get)).Meta;
        Assert.NotNull(meta);
        var status = Assert.Single(h.Calls.Of("a", Op.Status));
        Assert.Equal(meta, status.Meta);
        Assert.Equal(new JobResource("RUNNING", 7), status.Resource);
        Assert.Equal(7u, running.Phase.Version);
    }

    [Fact]
    public async Task FullPollingCache_MakesNewTasksWait_WithTheHostsReason_UntilATaskEnds()
    {
        await using var h = new HostHarness(s => s.Scripted.CacheSize = 10);
        var handles = Enumerable.Range(0, 10).Select(i => h.Submit($"t{i}")).ToList();
        foreach (var i in Enumerable.Range(0, 10))
        {
            await h.WaitForPhaseAsync($"t{i}", TaskPhase.Running);
        }

        h.Submit("extra");
        var waiting = await h.WaitForPhaseAsync("extra", TaskPhase.WaitingForResources);
        Assert.Equal("Polling cache is full. Waiting for a task to finish.", waiting.Phase.Reason);
        Assert.Equal(PluginState.AllocationTokenAcquired, waiting.State);
        Assert.Empty(h.Calls.Of("extra", Op.Create));

        Assert.True(handles[0].Abort());
        await h.CompletionAsync(handles[0]);
        await h.WaitForPhaseAsync("extra", TaskPhase.Running);
        Assert.Single(h.Calls.Of("extra", Op.Create));
    }

    /// <summary>
    /// The polling cache's bound (Caching.Size) counts Creates in flight as well as created tasks, so concurrent
    /// Creates cannot overrun it.
    /// </summary>
    [Fact]
    public async Task PollingCacheBound_HoldsWhileCreatesAreInFlight()
    {
        await using var h = new HostHarness(s =>
        {
            s.Scripted.CacheSize = 10;
            s.Scripted.Workers = 16;
        });
        var gate = Wait.Gate();
        var names = Enumerable.Range(0, 11).Select(i => $"t{i}").ToList();
        foreach (var name in names)
        {
            h.Script(name).OnCreate(Steps.After(gate, Steps.Return<JobResource?>(null)));
            h.Submit(name);
        }

        // Every task either reaches Create or is told to wait for the cache.
        await WaitForEachTaskToCreateOrWaitAsync(h, names);
        gate.SetResult();

        Assert.Equal(10, h.Calls.Of(Op.Create).Count);
    }

    private static Task WaitForEachTaskToCreateOrWaitAsync(HostHarness h, List<string> names) =>
        h.WaitUntilAsync(
            () => names.All(name => h.Calls.Count(name, Op.Create) > 0 || h.Events(name).Any(e => e.Phase.Phase == TaskPhase.WaitingForResources)),
            "every task in Create or waiting for the cache");
}
