using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>→ Aborted, cleanup on failure and deadlines: Delete with its reason, retried, through the write limiter.</summary>
public sealed class AbortTests
{
    private static readonly RetryPolicy DeleteFourTimes = new() { MaxAttempts = 4, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Abort_WhilePolling_DeletesWithReasonAborted_AndEndsAborted()
    {
        await using var h = new HostHarness();
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        h.AdvanceTo(At(2));

        Assert.True(handle.Abort());
        var result = await h.CompletionAsync(handle);

        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.Aborted, delete.Reason);
        Assert.Equal("Aborted", delete.Reason!.Value.Value);
        Assert.Equal(result.ResourceMeta, delete.Meta);
        Assert.NotNull(delete.Meta);
        Assert.Equal(At(2), delete.At);
        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        Assert.Equal("Aborted", result.Phase.Reason);
        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Equal(
            [
                (TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated),
                (TaskPhase.Running, 0u, "running remotely", PluginState.ResourcesCreated),
                (TaskPhase.Aborted, 0u, "Aborted", PluginState.Aborted),
            ],
            h.Trace("a"));
        Assert.False(handle.Abort()); // already ended
        Assert.False(h.Host.Abort(handle.UniqueName));
    }

    [Fact]
    public async Task AbortByUniqueName_AbortsTheRunningTask_AndUnknownNamesAreRefused()
    {
        await using var h = new HostHarness();
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        Assert.False(h.Host.Abort("no-such-task"));
        Assert.True(h.Host.Abort(h.UniqueName("a")));
        Assert.Equal(PluginState.Aborted, (await h.CompletionAsync(handle)).State);
    }

    [Fact]
    public async Task AbortDeleteFailures_AreRetriedPerDeleteRetries_ThenTheTaskEndsAborted()
    {
        await using var h = new HostHarness(s => s.Options.DeleteRetries = DeleteFourTimes);
        h.Script("a").OnDelete(
            Steps.Throw<bool>(new HttpRequestException("503 from the service", null, System.Net.HttpStatusCode.ServiceUnavailable)),
            Steps.Throw<bool>(new InvalidOperationException("still not deleted")));

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.True(handle.Abort());
        foreach (var (attempt, at) in new[] { (2, 1.0), (3, 3.0) })
        {
            await h.Spans.WaitAsync("a", "Delete", attempt - 1);
            Assert.False(handle.Completion.IsCompleted); // not ended before the job is deleted
            h.AdvanceTo(At(at));
            await h.Calls.WaitAsync("a", Op.Delete, attempt);
        }

        var result = await h.CompletionAsync(handle);

        Assert.Equal([At(0), At(1), At(3)], h.Calls.Of("a", Op.Delete).Select(c => c.At));
        Assert.All(h.Calls.Of("a", Op.Delete), c => Assert.Equal(DeleteReason.Aborted, c.Reason));
        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Equal(At(3), h.Events("a")[^1].Timestamp);
    }

    /// <summary>
    /// A repeated Abort() (Flyte's propeller re-sends abort each round) while a failed Delete waits for its retry does
    /// not run the Delete again at once: the retry keeps DeleteRetries' backoff, and its attempts are not used up.
    /// </summary>
    [Fact]
    public async Task RepeatedAbort_DoesNotBypassTheDeleteBackoff()
    {
        await using var h = new HostHarness(s =>
        {
            s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 4, InitialDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(60) };
            s.Scripted.Workers = 1; // probes below are handled strictly after the aborted task
        });
        h.Script("a").DeleteAlwaysThrows = () => new HttpRequestException("service unavailable", null, System.Net.HttpStatusCode.ServiceUnavailable);

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.True(handle.Abort());
        await h.Spans.WaitAsync("a", "Delete", 1); // failed; the next attempt is due at T0 + 10 s
        h.Submit("probe1");
        await h.WaitForPhaseAsync("probe1", TaskPhase.Queued, "launched"); // the worker is done with a
        Assert.True(handle.Abort()); // the caller asks again: the task has not ended yet
        h.Submit("probe2");
        await h.WaitForPhaseAsync("probe2", TaskPhase.Queued, "launched"); // the worker has handled a's second abort
        h.AdvanceTo(At(10));
        await h.Calls.WaitAsync("a", Op.Delete, 2);

        Assert.True(h.Calls.Of("a", Op.Delete).Take(2).Select(c => c.At).SequenceEqual([At(0), At(10)]), h.Calls.Describe());
    }

    [Fact]
    public async Task AbortDeleteRetriesExhausted_StillEndTheTaskAborted_AfterExactlyMaxAttempts()
    {
        await using var h = new HostHarness(s => s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) });
        h.Script("a").DeleteAlwaysThrows = () => new InvalidOperationException("cannot delete");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.True(handle.Abort());
        foreach (var (attempt, at) in new[] { (2, 1.0), (3, 3.0) })
        {
            await h.Spans.WaitAsync("a", "Delete", attempt - 1);
            h.AdvanceTo(At(at));
            await h.Calls.WaitAsync("a", Op.Delete, attempt);
        }

        var result = await h.CompletionAsync(handle);
        h.AdvanceTo(At(20));

        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Equal(3, h.Calls.Count("a", Op.Delete));
    }

    [Fact]
    public async Task AbortWhileCreateIsInFlight_DeletesTheJob_AfterCreateReturns_AndNeverPolls()
    {
        await using var h = new HostHarness();
        var gate = Wait.Gate();
        h.Script("a").OnCreate(Steps.After(gate, Steps.Return<JobResource?>(null)));

        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Create, 1);
        Assert.True(handle.Abort());
        Assert.Empty(h.Calls.Of(Op.Delete)); // no meta yet: nothing to delete
        gate.SetResult();
        var result = await h.CompletionAsync(handle);

        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.NotNull(delete.Meta);
        Assert.Equal(result.ResourceMeta, delete.Meta);
        Assert.Equal(DeleteReason.Aborted, delete.Reason);
        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Empty(h.Calls.Of("a", Op.Get));
    }

    [Fact]
    public async Task AbortDuringAPendingCreateRetry_DoesNotWaitForTheRetry_AndDeletesTheJobTheLostCreateMayHaveMade()
    {
        await using var h = new HostHarness(s => s.Options.CreateRetries = new RetryPolicy { MaxAttempts = 4, InitialDelay = TimeSpan.FromSeconds(10) });
        h.Script("a").OnCreate(Steps.Throw<JobResource?>(new TimeoutException("no answer: the job may exist")));

        var handle = h.Submit("a");
        await h.Spans.WaitAsync("a", "Create", 1); // retry due at T0 + 10 s
        Assert.True(handle.Abort());
        var result = await h.CompletionAsync(handle);

        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Equal(At(0), h.Events("a")[^1].Timestamp); // not at the retry time
        var creates = h.Calls.Of("a", Op.Create);
        Assert.Equal(2, creates.Count); // the lost one, and the idempotent one that recovers the meta
        Assert.All(creates, c => Assert.Equal(h.UniqueName("a"), c.UniqueName));
        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.Aborted, delete.Reason);
        Assert.Equal(result.ResourceMeta, delete.Meta);
        Assert.NotNull(delete.Meta);

        h.AdvanceTo(At(15)); // the cancelled retry never runs
        Assert.Equal(2, h.Calls.Count("a", Op.Create));
    }

    [Fact]
    public async Task AbortWhileCreateIsInFlight_AndItsResponseIsLost_RecoversTheMetaAndDeletes()
    {
        await using var h = new HostHarness();
        var gate = Wait.Gate();
        h.Script("a").OnCreate(Steps.After(gate, Steps.Throw<JobResource?>(new HttpRequestException("connection reset after the request was sent"))));

        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Create, 1);
        Assert.True(handle.Abort());
        gate.SetResult();
        var result = await h.CompletionAsync(handle);

        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Equal(2, h.Calls.Count("a", Op.Create));
        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.Aborted, delete.Reason);
        Assert.NotNull(delete.Meta);
        Assert.Empty(h.Calls.Of("a", Op.Get));
    }

    [Fact]
    public async Task AbortAfterANonTransientCreateFailure_IsRefused_TheTaskHasAlreadyEnded()
    {
        await using var h = new HostHarness();
        h.Script("a").CreateAlwaysThrows = () => new ArgumentException("invalid job spec");

        var handle = h.Submit("a");
        var result = await h.CompletionAsync(handle);

        Assert.False(handle.Abort());
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Single(h.Calls.Of("a", Op.Create));
        Assert.Empty(h.Calls.Of(Op.Delete)); // a rejected Create made nothing to delete
    }

    [Fact]
    public async Task CleanupOnFailure_DeletesWithReasonCleanupOnFailure_ThenEndsWithTheFailure()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("RUNNING", "CLEANUP");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        h.AdvanceTo(At(5));
        var result = await h.CompletionAsync(handle);

        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.CleanupOnFailure, delete.Reason);
        Assert.Equal(result.ResourceMeta, delete.Meta);
        Assert.Equal(At(5), delete.At);
        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal("JobFailed", result.Phase.Error?.Code);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Equal(PluginState.UserFailure, h.Events("a")[^1].State);
    }

    [Fact]
    public async Task CleanupOnFailure_DeleteFailures_AreRetried()
    {
        await using var h = new HostHarness(s => s.Options.DeleteRetries = DeleteFourTimes);
        h.Script("a").GetStates("CLEANUP");
        h.Script("a").OnDelete(Steps.Throw<bool>(new TimeoutException("slow delete")));

        var handle = h.Submit("a");
        await h.Spans.WaitAsync("a", "Delete", 1);
        h.AdvanceTo(At(1));
        var result = await h.CompletionAsync(handle);

        Assert.Equal([At(0), At(1)], h.Calls.Of("a", Op.Delete).Select(c => c.At));
        Assert.All(h.Calls.Of("a", Op.Delete), c => Assert.Equal(DeleteReason.CleanupOnFailure, c.Reason));
        Assert.Equal(PluginState.UserFailure, result.State);
    }

    /// <summary>The failure is reported once, when the task ends after the cleanup Delete (not also before it).</summary>
    [Fact]
    public async Task CleanupOnFailure_EmitsTheFailureOnce()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("CLEANUP");

        await h.CompletionAsync(h.Submit("a"));

        Assert.Single(h.Events("a"), e => e.Phase.Phase == TaskPhase.PermanentFailure);
    }

    [Fact]
    public async Task Deadline_AbortsDeletesWithTimeoutExpired_AndFailsRetryablyWithTimeoutExpired()
    {
        await using var h = new HostHarness();
        var handle = h.Submit("a", new TaskOptions { Timeout = TimeSpan.FromSeconds(12) });
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        h.AdvanceTo(At(5));
        await h.Calls.WaitAsync("a", Op.Get, 2);
        h.AdvanceTo(At(10));
        await h.Calls.WaitAsync("a", Op.Get, 3);
        Assert.Empty(h.Calls.Of(Op.Delete));

        h.AdvanceTo(At(12));
        var result = await h.CompletionAsync(handle);

        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.TimeoutExpired, delete.Reason);
        Assert.Equal(At(12), delete.At); // not before the deadline
        Assert.Equal(result.ResourceMeta, delete.Meta);
        Assert.Equal(TaskPhase.RetryableFailure, result.Phase.Phase);
        Assert.Equal("TimeoutExpired", result.Phase.Error?.Code);
        Assert.Equal(ExecutionErrorKind.User, result.Phase.Error?.Kind);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Equal([At(0), At(5), At(10)], h.Calls.Of("a", Op.Get).Select(c => c.At));
    }

    [Fact]
    public async Task DefaultTaskTimeout_AppliesToTasksSubmittedWithoutOne()
    {
        await using var h = new HostHarness(s => s.Options.DefaultTaskTimeout = TimeSpan.FromSeconds(7));
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        h.AdvanceTo(At(7));
        var result = await h.CompletionAsync(handle);

        Assert.Equal("TimeoutExpired", result.Phase.Error?.Code);
        Assert.Equal(At(7), Assert.Single(h.Calls.Of("a", Op.Delete)).At);
    }

    [Fact]
    public async Task WriteLimiter_AlsoPacesDeletes()
    {
        await using var h = new HostHarness(s =>
        {
            s.Scripted.WriteQps = 1;
            s.Scripted.WriteBurst = 5;
        });
        var handles = Enumerable.Range(0, 5).Select(i => h.Submit($"t{i}")).ToList();
        await h.Calls.WaitAsync(Op.Create, 5); // the burst is spent on Creates
        foreach (var i in Enumerable.Range(0, 5))
        {
            await h.WaitForPhaseAsync($"t{i}", TaskPhase.Running);
        }

        Assert.All(handles, handle => Assert.True(handle.Abort()));
        for (var n = 1; n <= 5; n++)
        {
            h.AdvanceTo(At(n));
            await h.Calls.WaitAsync(Op.Delete, n);
        }

        Assert.Equal([At(1), At(2), At(3), At(4), At(5)], h.Calls.Of(Op.Delete).Select(c => c.At).Order());
        foreach (var handle in handles)
        {
            Assert.Equal(PluginState.Aborted, (await h.CompletionAsync(handle)).State);
        }
    }
}
