using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>Phase events: once per phase or version change, to observers and to <see cref="TaskHandle.WatchAsync"/>.</summary>
public sealed class EventTests
{
    [Fact]
    public async Task RepeatedIdenticalStatus_EmitsNoEvent_ButAVersionChangeDoes()
    {
        await using var h = new HostHarness();
        h.Script("a").OnGet(
            Steps.Return(new JobResource("RUNNING")),
            Steps.Return(new JobResource("RUNNING")),
            Steps.Return(new JobResource("RUNNING")),
            Steps.Return(new JobResource("RUNNING", Version: 1)),
            Steps.Return(new JobResource("RUNNING", Version: 1)),
            Steps.Return(new JobResource("DONE")));

        var handle = h.Submit("a");
        for (var get = 2; get <= 6; get++)
        {
            await h.Calls.WaitAsync("a", Op.Status, get - 1);
            if (get - 1 == 4)
            {
                await h.WaitForEventAsync("a", e => e.Phase.Version == 1, "Running v1"); // emitted at T0 + 15 s
            }

            h.AdvanceTo(At(5 * (get - 1)));
            await h.Calls.WaitAsync("a", Op.Get, get);
        }

        await h.CompletionAsync(handle);

        Assert.Equal(
            [
                (TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated),
                (TaskPhase.Running, 0u, "running remotely", PluginState.ResourcesCreated),
                (TaskPhase.Running, 1u, "running remotely", PluginState.ResourcesCreated),
                (TaskPhase.Success, 0u, "done", PluginState.Succeeded),
            ],
            h.Trace("a"));
        Assert.Equal([At(0), At(0), At(15), At(25)], h.Events("a").Select(e => e.Timestamp));
        Assert.Equal(6, h.Calls.Count("a", Op.Status));
    }

    [Fact]
    public async Task WatchAsync_YieldsTheCurrentPhase_ThenEveryChange_AndEndsWithTheTerminalPhase()
    {
        await using var h = new HostHarness();
        var gate = Wait.Gate();
        h.Script("a").OnCreate(Steps.After(gate, Steps.Return<JobResource?>(null)));
        h.Script("a").GetStates("RUNNING", "DONE");

        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Create, 1);
        await using var watch = handle.WatchAsync().GetAsyncEnumerator();

        Assert.True(await watch.MoveNextAsync().AsTask().Bounded());
        var current = watch.Current;
        Assert.Equal(TaskPhase.NotReady, current.Phase.Phase); // before Create returns: nothing reported yet
        Assert.Equal(PluginState.AllocationTokenAcquired, current.State);
        Assert.Equal(h.Id("a"), current.ExecutionId);

        gate.SetResult();
        Assert.True(await watch.MoveNextAsync().AsTask().Bounded());
        Assert.Equal((TaskPhase.Queued, 2u, "launched"), (watch.Current.Phase.Phase, watch.Current.Phase.Version, watch.Current.Phase.Reason));
        Assert.True(await watch.MoveNextAsync().AsTask().Bounded());
        Assert.Equal(TaskPhase.Running, watch.Current.Phase.Phase);

        h.AdvanceTo(At(5));
        Assert.True(await watch.MoveNextAsync().AsTask().Bounded());
        Assert.Equal(TaskPhase.Success, watch.Current.Phase.Phase);
        Assert.Equal(PluginState.Succeeded, watch.Current.State);
        Assert.False(await watch.MoveNextAsync().AsTask().Bounded());
    }

    [Fact]
    public async Task WatchAsync_OnAnEndedTask_YieldsTheFinalPhaseAndEnds()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("DONE");
        var handle = h.Submit("a");
        await h.CompletionAsync(handle);

        var seen = await CollectAsync(handle.WatchAsync()).Bounded();

        var only = Assert.Single(seen);
        Assert.Equal(TaskPhase.Success, only.Phase.Phase);
        Assert.Equal(PluginState.Succeeded, only.State);
    }

    [Fact]
    public async Task TwoWatchers_EachSeeEveryChange()
    {
        await using var h = new HostHarness();
        var gate = Wait.Gate();
        h.Script("a").OnCreate(Steps.After(gate, Steps.Return<JobResource?>(null)));
        h.Script("a").GetStates("DONE");
        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Create, 1);

        await using var first = handle.WatchAsync().GetAsyncEnumerator();
        await using var second = handle.WatchAsync().GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync().AsTask().Bounded()); // subscribes
        Assert.True(await second.MoveNextAsync().AsTask().Bounded());
        gate.SetResult();

        foreach (var watch in new[] { first, second })
        {
            var phases = new List<TaskPhase>();
            while (await watch.MoveNextAsync().AsTask().Bounded())
            {
                phases.Add(watch.Current.Phase.Phase);
            }

            Assert.Equal([TaskPhase.Queued, TaskPhase.Success], phases);
        }
    }

    [Fact]
    public async Task AThrowingObserver_BreaksNeitherTheHostNorOtherObservers()
    {
        await using var h = new HostHarness();
        h.Host.PhaseChanged += _ => throw new InvalidOperationException("observer bug");
        h.Script("a").GetStates("DONE");

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal([TaskPhase.Queued, TaskPhase.Success], h.Trace("a").Select(t => t.Phase));
    }

    /// <summary>
    /// A watcher that subscribes while the task is ending (its quota release under way: with a remote resource manager
    /// a network call) still ends with the terminal phase, never with the one before it.
    /// </summary>
    [Fact]
    public async Task WatchAsync_StartedWhileTheTaskIsEnding_StillEndsWithTheTerminalPhase()
    {
        await using var h = new HostHarness(s => s.Quota(1));
        h.Script("a").GetStates("RUNNING", "DONE");
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        var release = Wait.Gate();
        h.Resources.ReleaseGate = release;

        h.AdvanceTo(At(5)); // Get returns DONE; the host starts releasing the token
        await h.Resources.WaitForReleaseStartedAsync(h.UniqueName("a"));
        var watching = CollectAsync(handle.WatchAsync());
        release.SetResult();
        var seen = await watching.Bounded();
        await h.CompletionAsync(handle);

        Assert.Equal(TaskPhase.Success, seen[^1].Phase.Phase);
        Assert.All(seen, e => Assert.Equal(e.State is PluginState.Succeeded, e.Phase.Phase == TaskPhase.Success)); // phase and state agree
    }

    private static async Task<List<PhaseEvent>> CollectAsync(IAsyncEnumerable<PhaseEvent> events)
    {
        var list = new List<PhaseEvent>();
        await foreach (var phaseEvent in events)
        {
            list.Add(phaseEvent);
        }

        return list;
    }
}
