using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>NotStarted → AllocationTokenAcquired, waiting for quota, and releasing the token exactly once.</summary>
public sealed class QuotaTests
{
    private const string AllocationTokenRequired = "Allocation token required";
    private const string WaitingForQuota = "Quota for task has exceeded. Waiting for the resource.";

    [Fact]
    public async Task GrantedQuota_EmitsFlytesQueuedReason_ThenLaunches_AndReleasesTheTokenOnSuccess()
    {
        await using var h = new HostHarness(s => s.Quota(1));
        h.Script("a").GetStates("RUNNING", "DONE");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.Equal(1, h.Resources.Inner.HeldCount(ScriptedPlugin.QuotaNamespace));
        h.AdvanceTo(At(5));
        var result = await h.CompletionAsync(handle);

        Assert.Equal(
            [
                (TaskPhase.Queued, 0u, AllocationTokenRequired, PluginState.AllocationTokenAcquired),
                (TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated),
                (TaskPhase.Running, 0u, "running remotely", PluginState.ResourcesCreated),
                (TaskPhase.Success, 0u, "done", PluginState.Succeeded),
            ],
            h.Trace("a"));
        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal(h.UniqueName("a"), Assert.Single(h.Calls.Of("a", Op.Requirements)).UniqueName);
        Assert.Equal(1, h.Resources.Allocations(h.UniqueName("a"), AllocationStatus.Granted));
        Assert.Equal(1, h.Resources.Releases(h.UniqueName("a")));
        Assert.Equal(0, h.Resources.Inner.HeldCount(ScriptedPlugin.QuotaNamespace));
    }

    [Fact]
    public async Task ExhaustedQuota_WaitsWithFlytesReason_AndTheWaiterProceedsAsSoonAsTheHolderReleases()
    {
        await using var h = new HostHarness(s => s.Quota(1));
        var gate = Wait.Gate();
        h.Script("a").OnGet(Steps.After(gate, Steps.Return(new JobResource("DONE"))));

        var a = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Get, 1); // a holds the token and is being polled
        var b = h.Submit("b");
        var waiting = await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources);

        Assert.Equal(WaitingForQuota, waiting.Phase.Reason);
        Assert.Equal(PluginState.NotStarted, waiting.State);
        Assert.Empty(h.Calls.Of("b", Op.Create));

        gate.SetResult(); // a succeeds and releases; no time passes
        await h.CompletionAsync(a);
        var granted = await h.WaitForPhaseAsync("b", TaskPhase.Queued, AllocationTokenRequired);
        await h.WaitForPhaseAsync("b", TaskPhase.Running);

        Assert.Equal(At(0), granted.Timestamp); // not at the next resync
        Assert.Equal(At(0), Assert.Single(h.Calls.Of("b", Op.Create)).At);
        Assert.Equal(
            [
                (TaskPhase.WaitingForResources, 0u, WaitingForQuota, PluginState.NotStarted),
                (TaskPhase.Queued, 0u, AllocationTokenRequired, PluginState.AllocationTokenAcquired),
                (TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated),
                (TaskPhase.Running, 0u, "running remotely", PluginState.ResourcesCreated),
            ],
            h.Trace("b"));
        Assert.Equal(1, h.Resources.Inner.HeldCount(ScriptedPlugin.QuotaNamespace));
    }

    [Fact]
    public async Task Waiter_IsRetriedAtTheResync_WhenTheTokenWasFreedOutsideTheHost()
    {
        await using var h = new HostHarness(s =>
        {
            s.Quota(1);
            s.Scripted.Workers = 1;
        });
        h.Resources.RegisterQuota(ScriptedPlugin.QuotaNamespace, 1);
        var outsider = new TaskExecutionId("other", "dev", "elsewhere", "n");
        Assert.Equal(AllocationStatus.Granted, await h.Resources.Inner.AllocateAsync(ScriptedPlugin.QuotaNamespace, "outsider", outsider, default, default));

        h.Submit("b");
        await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources, WaitingForQuota);
        h.Submit("probe"); // the only worker takes it after b: b is in the wait queue by then
        await h.WaitForPhaseAsync("probe", TaskPhase.WaitingForResources);
        await h.Resources.Inner.ReleaseAsync(ScriptedPlugin.QuotaNamespace, "outsider", default);
        h.AdvanceTo(At(5));
        var granted = await h.WaitForPhaseAsync("b", TaskPhase.Queued, AllocationTokenRequired);

        Assert.Equal(At(5), granted.Timestamp);
    }

    [Fact]
    public async Task WaitingForResources_IsEmittedOnce_WhileTheTaskKeepsWaitingOverResyncs()
    {
        await using var h = new HostHarness(s =>
        {
            s.Quota(1);
            s.Scripted.Workers = 1;
        });
        h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        h.Submit("b");
        await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources);
        h.Submit("probe"); // the only worker takes it after b: b is in the wait queue by then
        await h.WaitForPhaseAsync("probe", TaskPhase.WaitingForResources);

        for (var i = 1; i <= 3; i++)
        {
            h.AdvanceTo(At(5 * i));
            await h.Resources.WaitForAllocationsAsync(h.UniqueName("b"), AllocationStatus.Exhausted, i + 1);
            await h.Calls.WaitAsync("a", Op.Status, i + 1); // a's poll of the same resync is done too
        }

        Assert.Equal([(TaskPhase.WaitingForResources, 0u, WaitingForQuota, PluginState.NotStarted)], h.Trace("b"));
    }

    public enum EndPath
    {
        Success,
        StatusFailure,
        CreateFailure,
        StatusThrows,
        Abort,
        Timeout,
        CleanupOnFailure,
        GetFailures,
    }

    [Theory]
    [InlineData(EndPath.Success)]
    [InlineData(EndPath.StatusFailure)]
    [InlineData(EndPath.CreateFailure)]
    [InlineData(EndPath.StatusThrows)]
    [InlineData(EndPath.Abort)]
    [InlineData(EndPath.Timeout)]
    [InlineData(EndPath.CleanupOnFailure)]
    [InlineData(EndPath.GetFailures)]
    public async Task Token_IsReleasedExactlyOnce_WhateverEndsTheTask(EndPath path)
    {
        await using var h = new HostHarness(s =>
        {
            s.Quota(1);
            s.Scripted.MaxSystemFailures = 0;
        });
        var script = h.Script("a");
        switch (path)
        {
            case EndPath.Success: script.GetStates("DONE"); break;
            case EndPath.StatusFailure: script.GetStates("FAILED"); break;
            case EndPath.CreateFailure: script.CreateAlwaysThrows = () => new ArgumentException("bad request"); break;
            case EndPath.StatusThrows: script.GetStates("THROW"); break;
            case EndPath.CleanupOnFailure: script.GetStates("CLEANUP"); break;
            case EndPath.GetFailures: script.GetAlwaysThrows = () => new InvalidOperationException("get failed"); break;
        }

        var handle = h.Submit("a", path == EndPath.Timeout ? new TaskOptions { Timeout = TimeSpan.FromSeconds(1) } : null);
        if (path is EndPath.Abort or EndPath.Timeout)
        {
            await h.WaitForPhaseAsync("a", TaskPhase.Running);
        }

        if (path == EndPath.Abort)
        {
            Assert.True(handle.Abort());
        }

        h.AdvanceTo(At(1));
        var result = await h.CompletionAsync(handle);

        Assert.True(result.Phase.IsTerminal, result.Phase.ToString());
        Assert.Equal(1, h.Resources.Allocations(h.UniqueName("a"), AllocationStatus.Granted));
        Assert.Equal(1, h.Resources.Releases(h.UniqueName("a")));
        Assert.Equal(0, h.Resources.Inner.HeldCount(ScriptedPlugin.QuotaNamespace));
    }

    [Fact]
    public async Task ProjectAndNamespaceCaps_AreHonoured_PerProject()
    {
        await using var h = new HostHarness(s => s.Quota(10));
        var capped = new ResourceRequirements(ScriptedPlugin.QuotaNamespace, new ResourceConstraintsSpec(ProjectScope: 1, NamespaceScope: null));
        foreach (var task in new[] { "a", "b", "c" })
        {
            h.Script(task).Requirements = capped;
        }

        h.Submit("a", project: "p1");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        h.Submit("b", project: "p1");
        h.Submit("c", project: "p2");
        await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources, WaitingForQuota);
        await h.WaitForPhaseAsync("c", TaskPhase.Running);

        Assert.Equal(1, h.Resources.Allocations(h.UniqueName("b", "p1"), AllocationStatus.NamespaceQuotaExceeded));
        Assert.Empty(h.Calls.Of("b", Op.Create));
    }

    [Fact]
    public async Task AbortWhileWaitingForQuota_EndsAborted_WithoutCreateOrDelete_AndNeverCreatesLater()
    {
        await using var h = new HostHarness(s => s.Quota(1));
        h.Script("a").GetStates("RUNNING", "DONE");
        var a = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        var b = h.Submit("b");
        await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources);

        Assert.True(b.Abort());
        var result = await h.CompletionAsync(b);
        h.AdvanceTo(At(5)); // a ends and frees the token
        await h.CompletionAsync(a);

        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        Assert.Equal("Aborted", result.Phase.Reason);
        Assert.Null(result.ResourceMeta);
        Assert.Empty(h.Calls.Of("b", Op.Create));
        Assert.Empty(h.Calls.Of(Op.Delete));
        Assert.Equal(0, h.Resources.Allocations(h.UniqueName("b"), AllocationStatus.Granted));
        Assert.False(b.Abort()); // already ended
    }

    [Fact]
    public async Task TimeoutWhileWaitingForQuota_FailsWithTimeoutExpired_WithoutCreateOrDelete()
    {
        await using var h = new HostHarness(s => s.Quota(1));
        h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        var b = h.Submit("b", new TaskOptions { Timeout = TimeSpan.FromSeconds(3) });
        await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources);

        h.AdvanceTo(At(3));
        var result = await h.CompletionAsync(b);

        Assert.Equal(TaskPhase.RetryableFailure, result.Phase.Phase);
        Assert.Equal("TimeoutExpired", result.Phase.Error?.Code);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Equal(At(3), h.Events("b")[^1].Timestamp);
        Assert.Empty(h.Calls.Of("b", Op.Create));
        Assert.Empty(h.Calls.Of(Op.Delete));
    }

    /// <summary>A release wakes a waiter that can use the token at once (a class of its own: runs in parallel).</summary>
    public sealed class WakeUpAcrossNamespaces
    {
        /// <summary>
        /// A finishing task wakes a waiter of the namespace it frees: the y token is freed, so the y waiter proceeds at
        /// once (not the oldest waiter, of x, which would go back to sleep and leave y waiting for the next resync).
        /// </summary>
        [Fact]
        public async Task Release_WakesAWaiterOfTheReleasedNamespace()
        {
            await using var h = new HostHarness(s =>
            {
                s.Quota(1, "x").Quota(1, "y");
                s.Scripted.Workers = 2;
                s.Scripted.ResyncInterval = TimeSpan.FromSeconds(30);
            });
            foreach (var (task, ns) in new[] { ("ax", "x"), ("by", "y"), ("cx", "x"), ("dy", "y"), ("probe", "x") })
            {
                h.Script(task).Requirements = new ResourceRequirements(ns, ResourceConstraintsSpec.None);
            }

            var gate = Wait.Gate();
            h.Script("by").OnCreate(Steps.After(gate, Steps.Return<JobResource?>(new JobResource("DONE"))));

            h.Submit("ax");
            await h.WaitForPhaseAsync("ax", TaskPhase.Running); // holds x, polled every 30 s
            var by = h.Submit("by");
            await h.Calls.WaitAsync("by", Op.Create, 1); // holds y; its Create occupies one of the two workers
            h.Submit("cx");
            await h.WaitForPhaseAsync("cx", TaskPhase.WaitingForResources);
            h.Submit("dy");
            await h.WaitForPhaseAsync("dy", TaskPhase.WaitingForResources);
            h.Submit("probe"); // handled by the only free worker after dy: proves dy is queued
            await h.WaitForPhaseAsync("probe", TaskPhase.WaitingForResources);

            gate.SetResult(); // by ends and frees y
            await h.CompletionAsync(by);

            await h.WaitForPhaseAsync("dy", TaskPhase.Queued, AllocationTokenRequired);
        }
    }

    /// <summary>A release is not swallowed by a waiter that already ended (a class of its own: runs in parallel).</summary>
    public sealed class WakeUpAfterAnAbortedWaiter
    {
        /// <summary>
        /// A waiter aborted while queued ahead of a live one must not swallow the next release: the release skips it and
        /// wakes the live waiter at once, not at the next resync.
        /// </summary>
        [Fact]
        public async Task AbortedWaiter_DoesNotSwallowTheNextRelease()
        {
            await using var h = new HostHarness(s =>
            {
                s.Quota(1);
                s.Scripted.Workers = 2;
                s.Scripted.ResyncInterval = TimeSpan.FromSeconds(30);
            });
            var gate = Wait.Gate();
            h.Script("a").OnCreate(Steps.After(gate, Steps.Return<JobResource?>(new JobResource("DONE"))));

            var a = h.Submit("a");
            await h.Calls.WaitAsync("a", Op.Create, 1); // holds the token
            var c = h.Submit("c");
            await h.WaitForPhaseAsync("c", TaskPhase.WaitingForResources); // first in the wait queue
            h.Submit("b");
            await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources); // behind c
            Assert.True(c.Abort());
            await h.CompletionAsync(c);

            gate.SetResult(); // a ends and frees the token: the release must skip the aborted c and wake b
            await h.CompletionAsync(a);

            await h.WaitForPhaseAsync("b", TaskPhase.Queued, AllocationTokenRequired);
        }
    }
}
