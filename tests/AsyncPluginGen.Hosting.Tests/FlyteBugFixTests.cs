using System.Net;
using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>
/// One test per Flyte webapi bug the host must not copy (../shared/reference/flyte-webapi-semantics.md §2 and §5).
/// Each test states Flyte's behaviour; on that behaviour the test fails.
/// </summary>
public sealed class FlyteBugFixTests
{
    /// <summary>Flyte validates WriteRateLimiter but never applies it: all Creates go out at once.</summary>
    [Fact]
    public async Task WriteLimiter_IsApplied_ToCreate_BurstThenQps()
    {
        await using var h = new HostHarness(s =>
        {
            s.Scripted.WriteQps = 1;
            s.Scripted.WriteBurst = 5;
        });
        for (var i = 0; i < 8; i++)
        {
            h.Submit($"t{i}");
        }

        await h.Calls.WaitAsync(Op.Create, 5);
        Assert.All(h.Calls.Of(Op.Create), c => Assert.Equal(At(0), c.At));
        for (var n = 6; n <= 8; n++)
        {
            h.AdvanceTo(At(n - 5)); // one token per second
            await h.Calls.WaitAsync(Op.Create, n);
        }

        Assert.Equal([At(0), At(0), At(0), At(0), At(0), At(1), At(2), At(3)], h.Calls.Of(Op.Create).Select(c => c.At).Order());
    }

    /// <summary>Flyte calls Create once: any error is at once RetryableFailure("TaskFailedWithError").</summary>
    [Fact]
    public async Task TransientCreateFailures_AreRetriedWithBackoff_ThenSucceed()
    {
        await using var h = new HostHarness(s => s.Options.CreateRetries = new RetryPolicy { MaxAttempts = 4, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) });
        h.Script("a").OnCreate(
            Steps.Throw<JobResource?>(Steps.Http(HttpStatusCode.ServiceUnavailable)),
            Steps.Throw<JobResource?>(Steps.Http(HttpStatusCode.TooManyRequests)),
            Steps.Throw<JobResource?>(new TimeoutException("the service did not answer")));
        h.Script("a").GetStates("DONE");

        var handle = h.Submit("a");
        foreach (var (attempt, at) in new[] { (2, 1.0), (3, 3.0), (4, 7.0) }) // delays 1 s, 2 s, 4 s
        {
            await h.Spans.WaitAsync("a", "Create", attempt - 1); // the failed attempt is handled and its retry scheduled
            h.AdvanceTo(At(at));
            await h.Calls.WaitAsync("a", Op.Create, attempt);
        }

        var result = await h.CompletionAsync(handle);

        Assert.Equal([At(0), At(1), At(3), At(7)], h.Calls.Of("a", Op.Create).Select(c => c.At));
        Assert.All(h.Calls.Of("a", Op.Create), c => Assert.Equal(h.UniqueName("a"), c.UniqueName)); // same idempotency key
        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal([(TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated), (TaskPhase.Success, 0u, "done", PluginState.Succeeded)], h.Trace("a"));
    }

    /// <summary>Flyte's SyncFailureCount is cumulative and never reset: four failures spread over the task's life fail it.</summary>
    [Fact]
    public async Task MaxSystemFailures_CountsConsecutiveGetFailures_AndASuccessResetsTheCount()
    {
        await using var h = new HostHarness(s => s.Scripted.MaxSystemFailures = 2);
        var fail = Steps.Throw<JobResource>(new HttpRequestException("connection reset"));
        h.Script("a").OnGet(fail, fail, Steps.Return(new JobResource("RUNNING")), fail, fail, Steps.Return(new JobResource("DONE")));

        var handle = h.Submit("a");
        for (var get = 2; get <= 6; get++)
        {
            await h.Spans.WaitAsync("a", "Get", get - 1);
            h.AdvanceTo(At(5 * (get - 1)));
            await h.Calls.WaitAsync("a", Op.Get, get);
        }

        var result = await h.CompletionAsync(handle);

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal(6, h.Calls.Count("a", Op.Get));
    }

    /// <summary>
    /// Flyte keeps the last good resource after Get starts failing and keeps reporting it: the task looks Running
    /// forever. The host fails it once the consecutive failures exceed MaxSystemFailures.
    /// </summary>
    [Fact]
    public async Task GetFailuresAfterAnEarlierSuccess_FailTheTask_WithAutoRefreshCacheFailed_NotTheStaleResource()
    {
        await using var h = new HostHarness(s => s.Scripted.MaxSystemFailures = 2);
        h.Script("a").GetStates("RUNNING");
        h.Script("a").GetAlwaysThrows = () => new HttpRequestException("service gone");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        for (var get = 2; get <= 4; get++)
        {
            await h.Spans.WaitAsync("a", "Get", get - 1);
            h.AdvanceTo(At(5 * (get - 1)));
            await h.Calls.WaitAsync("a", Op.Get, get);
        }

        var result = await h.CompletionAsync(handle);

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal("AutoRefreshCacheFailed", result.Phase.Error?.Code);
        Assert.Equal(ExecutionErrorKind.User, result.Phase.Error?.Kind);
        Assert.Contains("service gone", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Equal(At(15), h.Events("a")[^1].Timestamp);
        Assert.Equal(4, h.Calls.Count("a", Op.Get));
    }

    /// <summary>Flyte: AllocateResource → NamespaceQuotaExceeded falls through to a system error ("allocation status undefined").</summary>
    [Fact]
    public async Task NamespaceQuotaExceeded_IsAWait_NotAnError_AndTheTaskProceedsAfterRelease()
    {
        await using var h = new HostHarness(s =>
        {
            s.Quota(10);
            s.Scripted.Workers = 1;
        });
        var projectCapOfOne = new ResourceRequirements(ScriptedPlugin.QuotaNamespace, new ResourceConstraintsSpec(ProjectScope: 1, NamespaceScope: null));
        h.Script("a").Requirements = projectCapOfOne;
        h.Script("b").Requirements = projectCapOfOne;
        h.Script("probe").Requirements = projectCapOfOne;
        h.Script("a").GetStates("RUNNING", "DONE");

        var a = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        var b = h.Submit("b");
        var waiting = await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources);
        await h.Resources.WaitForAllocationsAsync(h.UniqueName("b"), AllocationStatus.NamespaceQuotaExceeded, 1);

        Assert.Equal("Quota for task has exceeded. Waiting for the resource.", waiting.Phase.Reason);
        Assert.Null(waiting.Phase.Error);
        Assert.False(b.Completion.IsCompleted);
        h.Submit("probe"); // the only worker takes it after b: b is in the wait queue by then
        await h.WaitForPhaseAsync("probe", TaskPhase.WaitingForResources);

        h.AdvanceTo(At(5)); // a ends, freeing the project's slot
        await h.CompletionAsync(a);
        await h.WaitForPhaseAsync("b", TaskPhase.Running);
        Assert.Single(h.Calls.Of("b", Op.Create));
    }

    /// <summary>Flyte maps NotReady/Undefined from Status to NotStarted, so the next round calls Create again and leaks the first job.</summary>
    [Fact]
    public async Task NotReadyAndUndefined_KeepPollingTheSameJob_WithoutASecondCreate()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("NOTREADY", "UNDEFINED", "RUNNING", "DONE");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.NotReady);
        for (var get = 2; get <= 4; get++)
        {
            await h.Spans.WaitAsync("a", "Get", get - 1);
            h.AdvanceTo(At(5 * (get - 1)));
            await h.Calls.WaitAsync("a", Op.Get, get);
        }

        var result = await h.CompletionAsync(handle);
        var create = Assert.Single(h.Calls.Of("a", Op.Create));
        Assert.All(h.Calls.Of("a", Op.Get), c => Assert.Equal(result.ResourceMeta, c.Meta)); // always the one job
        Assert.Equal(
            [
                (TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated),
                (TaskPhase.NotReady, 0u, "not ready remotely", PluginState.ResourcesCreated),
                (TaskPhase.Undefined, 0u, null, PluginState.ResourcesCreated),
                (TaskPhase.Running, 0u, "running remotely", PluginState.ResourcesCreated),
                (TaskPhase.Success, 0u, "done", PluginState.Succeeded),
            ],
            h.Trace("a"));
        Assert.Equal(At(0), create.At);
    }

    /// <summary>flyte#1379: Get keeps being called long after the task completed.</summary>
    [Fact]
    public async Task SucceededTask_LeavesThePollingSetAtOnce_NoGetAfterSuccess()
    {
        // One worker, so each resync's polls run in order: the finished task (created first) before the sentinel.
        await using var h = new HostHarness(s => s.Scripted.Workers = 1);
        h.Script("done").GetStates("DONE");

        await h.CompletionAsync(h.Submit("done"));
        h.Submit("sentinel");
        await h.Calls.WaitAsync("sentinel", Op.Get, 1);
        for (var resync = 1; resync <= 3; resync++)
        {
            h.AdvanceTo(At(5 * resync));
            await h.Calls.WaitAsync("sentinel", Op.Get, resync + 1);
        }

        Assert.Single(h.Calls.Of("done", Op.Get));
    }

    /// <summary>flyte#5235: the auto-refresh cache entry is not deleted on abort, so the aborted job keeps being polled.</summary>
    [Fact]
    public async Task AbortedTask_LeavesThePollingSetAtOnce_NoGetAfterAbort()
    {
        await using var h = new HostHarness(s => s.Scripted.Workers = 1);
        var aborted = h.Submit("aborted");
        await h.WaitForPhaseAsync("aborted", TaskPhase.Running);
        Assert.True(aborted.Abort());
        await h.CompletionAsync(aborted);
        h.Submit("sentinel");
        await h.Calls.WaitAsync("sentinel", Op.Get, 1);
        for (var resync = 1; resync <= 3; resync++)
        {
            h.AdvanceTo(At(5 * resync));
            await h.Calls.WaitAsync("sentinel", Op.Get, resync + 1);
        }

        Assert.Single(h.Calls.Of("aborted", Op.Get));
        Assert.Single(h.Calls.Of("aborted", Op.Delete));
    }

    /// <summary>flyte#3281: abort before Create calls Delete with a nil ResourceMeta (a panic in Go plugins).</summary>
    [Fact]
    public async Task AbortBeforeCreate_NeverCallsDelete_WithoutAMeta()
    {
        await using var h = new HostHarness(s => s.Quota(1));
        h.Submit("holder");
        await h.WaitForPhaseAsync("holder", TaskPhase.Running);
        var waiter = h.Submit("waiter");
        await h.WaitForPhaseAsync("waiter", TaskPhase.WaitingForResources);

        Assert.True(waiter.Abort());
        var result = await h.CompletionAsync(waiter);

        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Empty(h.Calls.Of(Op.Delete));
        Assert.Empty(h.Calls.Of("waiter", Op.Create));
    }

    /// <summary>
    /// Flyte: when Create returns a terminal resource the meta is not stored, and a non-terminal resource returned by
    /// Create is discarded. The host keeps the meta (result and abort) and applies Status to the resource at once.
    /// </summary>
    [Fact]
    public async Task CreateReturningTheResource_GetsStatusAtOnce_AndKeepsTheMetaForAbort()
    {
        await using var h = new HostHarness();
        h.Script("a").CreateReturnsResource("RUNNING");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.Empty(h.Calls.Of("a", Op.Get)); // Status ran on Create's resource, not on a Get
        Assert.True(handle.Abort());
        var result = await h.CompletionAsync(handle);

        var created = Assert.IsType<JobMeta>(result.ResourceMeta);
        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(created, delete.Meta);
        Assert.Equal(DeleteReason.Aborted, delete.Reason);
        Assert.Equal(new JobResource("RUNNING"), Assert.Single(h.Calls.Of("a", Op.Status)).Resource);
    }

    /// <summary>Flyte: a terminal resource returned by Create is reported but its meta is dropped.</summary>
    [Fact]
    public async Task CreateReturningATerminalResource_EndsWithoutAnyGet_AndTheResultKeepsTheMeta()
    {
        await using var h = new HostHarness();
        h.Script("a").CreateReturnsResource("DONE");

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal("a", Assert.IsType<JobMeta>(result.ResourceMeta).Task);
        Assert.Equal(new JobResource("DONE"), result.Resource);
        Assert.Empty(h.Calls.Of("a", Op.Get));
        Assert.Equal([(TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated), (TaskPhase.Success, 0u, "done", PluginState.Succeeded)], h.Trace("a"));
    }

    /// <summary>The read limiter (a class of its own, so the two limiter tests run in parallel).</summary>
    public sealed class ReadLimiter
    {
        /// <summary>flyte#5202: the read rate limiter is not respected and the service answers 429.</summary>
        [Fact]
        public async Task ReadLimiter_IsApplied_ToGet_BurstThenQps()
        {
            await using var h = new HostHarness(s =>
            {
                s.Scripted.ReadQps = 1;
                s.Scripted.ReadBurst = 5;
                s.Scripted.ResyncInterval = TimeSpan.FromSeconds(30);
            });
            for (var i = 0; i < 8; i++)
            {
                h.Submit($"t{i}");
            }

            await h.Calls.WaitAsync(Op.Create, 8);
            await h.Calls.WaitAsync(Op.Get, 5);
            Assert.All(h.Calls.Of(Op.Get), c => Assert.Equal(At(0), c.At));
            for (var n = 6; n <= 8; n++)
            {
                h.AdvanceTo(At(n - 5));
                await h.Calls.WaitAsync(Op.Get, n);
            }

            Assert.Equal([At(0), At(0), At(0), At(0), At(0), At(1), At(2), At(3)], h.Calls.Of(Op.Get).Select(c => c.At).Order());
        }
    }
}
