using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>NotStarted → ResourcesCreated → Succeeded without quotas: the exact events, the result, the calls.</summary>
public sealed class HappyPathTests
{
    [Fact]
    public async Task Task_GoesThroughLaunchedAndThePluginsPhasesToSuccess_WithExactEvents()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("QUEUED", "RUNNING", "DONE");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Queued, "queued remotely"); // sync-on-create Get at T0
        h.AdvanceTo(At(5));
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        h.AdvanceTo(At(10));
        var result = await h.CompletionAsync(handle);

        Assert.Equal(
            [
                (TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated),
                (TaskPhase.Queued, 0u, "queued remotely", PluginState.ResourcesCreated),
                (TaskPhase.Running, 0u, "running remotely", PluginState.ResourcesCreated),
                (TaskPhase.Success, 0u, "done", PluginState.Succeeded),
            ],
            h.Trace("a"));
        Assert.Equal([At(0), At(0), At(5), At(10)], h.Events("a").Select(e => e.Timestamp));
        Assert.All(h.Events("a"), e =>
        {
            Assert.Equal(h.Id("a"), e.ExecutionId);
            Assert.Equal(ScriptedPlugin.TaskType, e.TaskType);
            Assert.Equal(ScriptedPlugin.Id, e.PluginId);
        });

        Assert.Equal(h.Id("a"), result.ExecutionId);
        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
        Assert.Equal(PluginState.Succeeded, result.State);
        var meta = Assert.IsType<JobMeta>(result.ResourceMeta);
        Assert.Equal("a", meta.Task);
        Assert.Equal(new JobResource("DONE"), result.Resource);
        Assert.Equal(PluginState.Succeeded, handle.State);
        Assert.Equal(TaskPhase.Success, handle.Phase.Phase);

        // One Create, with the idempotency key; one Get per resync, each with the meta Create returned; no Delete.
        var create = Assert.Single(h.Calls.Of("a", Op.Create));
        Assert.Equal(h.UniqueName("a"), create.UniqueName);
        Assert.Equal(handle.UniqueName, create.UniqueName);
        Assert.Equal(At(0), create.At);
        Assert.Equal([At(0), At(5), At(10)], h.Calls.Of("a", Op.Get).Select(c => c.At));
        Assert.All(h.Calls.Of("a", Op.Get), c => Assert.Equal(meta, c.Meta));
        Assert.Equal(3, h.Calls.Count("a", Op.Status));
        Assert.Empty(h.Calls.Of("a", Op.Delete));
        Assert.Empty(h.Calls.Of("a", Op.Requirements)); // no quota configured: no ResourceRequirements call

        Assert.Equal(0, h.Host.InFlightCount);
        Assert.False(h.Host.TryGetTask(h.UniqueName("a"), out _));
    }

    [Fact]
    public async Task RunningTask_CanBeFoundByUniqueName_AndCountsAsInFlight()
    {
        await using var h = new HostHarness();
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        Assert.Equal(1, h.Host.InFlightCount);
        Assert.True(h.Host.TryGetTask(handle.UniqueName, out var found));
        Assert.Equal(handle.ExecutionId, found!.ExecutionId);
        Assert.Equal(ScriptedPlugin.Id, found.PluginId);
        Assert.Equal(PluginState.ResourcesCreated, found.State);
    }

    [Fact]
    public async Task SyncOnCreateOff_FirstGetWaitsForTheResync()
    {
        await using var h = new HostHarness(s =>
        {
            s.Options.SyncOnCreate = false;
            s.Scripted.Workers = 1;
        });
        h.Script("a").GetStates("DONE");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Queued, "launched");
        h.Submit("probe"); // the only worker takes it after a: a is in the polling set by then
        await h.WaitForPhaseAsync("probe", TaskPhase.Queued, "launched");
        h.AdvanceTo(At(5));
        await h.CompletionAsync(handle);

        // Had the host polled right after Create, the Get would carry T0.
        Assert.Equal([At(5)], h.Calls.Of("a", Op.Get).Select(c => c.At));
    }

    [Fact]
    public async Task HandlersReceiveTheHostsStoppingToken_NotANoneToken()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("DONE");
        await h.CompletionAsync(h.Submit("a"));

        Assert.True(Assert.Single(h.Calls.Of("a", Op.Create)).Token.CanBeCanceled);
        Assert.True(Assert.Single(h.Calls.Of("a", Op.Get)).Token.CanBeCanceled);
    }
}
