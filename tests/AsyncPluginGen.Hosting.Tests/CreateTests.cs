using System.Net;
using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>AllocationTokenAcquired → ResourcesCreated or a failure: retries, failures, the write limiter, Create's resource.</summary>
public sealed class CreateTests
{
    private static readonly RetryPolicy FourAttempts = new() { MaxAttempts = 4, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

    public static TheoryData<string> TransientFailures => new()
    {
        "503", "500", "502", "429", "408", "network", "timeout", "io", "cancelled",
    };

    private static Exception Transient(string kind) => kind switch
    {
        "network" => new HttpRequestException("connection refused"),
        "timeout" => new TimeoutException("no answer"),
        "io" => new IOException("broken pipe"),
        "cancelled" => new TaskCanceledException("HttpClient.Timeout elapsed"),
        _ => Steps.Http((HttpStatusCode)int.Parse(kind, System.Globalization.CultureInfo.InvariantCulture)),
    };

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task TransientCreateFailure_IsRetriedAfterTheInitialDelay(string kind)
    {
        await using var h = new HostHarness(s => s.Options.CreateRetries = FourAttempts);
        h.Script("a").OnCreate(Steps.Throw<JobResource?>(Transient(kind)));

        var handle = h.Submit("a");
        await h.Spans.WaitAsync("a", "Create", 1);
        h.AdvanceTo(At(1));
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        Assert.Equal([At(0), At(1)], h.Calls.Of("a", Op.Create).Select(c => c.At));
        Assert.False(handle.Completion.IsCompleted);
    }

    /// <summary>Failures that certainly created nothing: the service answered 4xx, or the plugin rejected its arguments.</summary>
    public static TheoryData<string> PermanentFailures => new() { "400", "401", "403", "404", "409", "argument" };

    [Theory]
    [MemberData(nameof(PermanentFailures))]
    public async Task NonTransientCreateFailure_FailsAtOnce_WithTaskFailedWithError_AndNoRetry(string kind)
    {
        await using var h = new HostHarness(s => s.Options.CreateRetries = FourAttempts);
        var message = "the request is wrong: " + kind;
        h.Script("a").CreateAlwaysThrows = () => kind switch
        {
            "argument" => new ArgumentException(message),
            _ => new HttpRequestException(message, null, (HttpStatusCode)int.Parse(kind, System.Globalization.CultureInfo.InvariantCulture)),
        };

        var result = await h.CompletionAsync(h.Submit("a"));
        h.AdvanceTo(At(10)); // nothing is retried later either

        Assert.Equal(TaskPhase.RetryableFailure, result.Phase.Phase);
        Assert.Equal("TaskFailedWithError", result.Phase.Error?.Code);
        Assert.Equal(ExecutionErrorKind.User, result.Phase.Error?.Kind);
        Assert.Contains(message, result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Null(result.ResourceMeta);
        Assert.Single(h.Calls.Of("a", Op.Create));
        Assert.Empty(h.Calls.Of("a", Op.Get));
        Assert.Empty(h.Calls.Of("a", Op.Delete)); // nothing was created, nothing to delete
        Assert.Equal([(TaskPhase.RetryableFailure, 0u, result.Phase.Reason, PluginState.UserFailure)], h.Trace("a"));
    }

    [Fact]
    public async Task CreateFailureAfterTheRequestMayHaveArrived_IsResolvedThroughTheIdempotentCreate_AndTheJobDeleted()
    {
        await using var h = new HostHarness();
        // A 2xx whose body did not parse: the job exists, but the host never saw its meta.
        h.Script("a").OnCreate(Steps.Throw<JobResource?>(new System.Text.Json.JsonException("unexpected end of the response body")));

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(TaskPhase.RetryableFailure, result.Phase.Phase);
        Assert.Contains("unexpected end of the response body", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Calls.Count("a", Op.Create)); // the second, idempotent, Create returned the job's meta
        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.CleanupOnFailure, delete.Reason);
        Assert.NotNull(delete.Meta);
    }

    [Fact]
    public async Task CreateFailureThatKeepsTheMetaUnknown_EndsSayingTheJobMayStillExist()
    {
        await using var h = new HostHarness(s => s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromSeconds(1) });
        h.Script("a").CreateAlwaysThrows = () => new InvalidOperationException("the response could not be read");

        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Create, 2);
        h.AdvanceTo(At(2));
        var result = await h.CompletionAsync(handle);

        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Contains("may still exist", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(3, h.Calls.Count("a", Op.Create));
        Assert.Empty(h.Calls.Of("a", Op.Delete)); // there was never a meta to delete with
    }

    [Fact]
    public async Task CreateRetriesExhausted_FailWithTaskFailedWithError_AfterTheLastAttempt()
    {
        await using var h = new HostHarness(s => s.Options.CreateRetries = new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) });
        var unavailable = Steps.Throw<JobResource?>(Steps.Http(HttpStatusCode.ServiceUnavailable));
        h.Script("a").OnCreate(unavailable, unavailable, unavailable); // then Create answers again (the meta recovery below)

        var handle = h.Submit("a");
        foreach (var (attempt, at) in new[] { (2, 1.0), (3, 3.0) })
        {
            await h.Spans.WaitAsync("a", "Create", attempt - 1);
            Assert.False(handle.Completion.IsCompleted);
            h.AdvanceTo(At(at));
            await h.Calls.WaitAsync("a", Op.Create, attempt);
        }

        var result = await h.CompletionAsync(handle);

        Assert.Equal(TaskPhase.RetryableFailure, result.Phase.Phase);
        Assert.Equal("TaskFailedWithError", result.Phase.Error?.Code);
        Assert.Equal(ExecutionErrorKind.User, result.Phase.Error?.Kind);
        Assert.Contains("3 attempt", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Equal(At(3), h.Events("a")[^1].Timestamp);
        Assert.Equal([At(0), At(1), At(3)], h.Calls.Of("a", Op.Create).Take(3).Select(c => c.At));
        Assert.Empty(h.Calls.Of("a", Op.Get));

        // A 503 may have created the job anyway: the host recovers its meta through the idempotent Create and deletes it.
        var creates = h.Calls.Of("a", Op.Create);
        Assert.Equal(4, creates.Count);
        Assert.All(creates, c => Assert.Equal(h.UniqueName("a"), c.UniqueName));
        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.CleanupOnFailure, delete.Reason);
        Assert.NotNull(delete.Meta);
    }

    [Fact]
    public async Task RetryDelay_IsCappedByMaxDelay()
    {
        var policy = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(2) };
        await using var h = new HostHarness(s => s.Options.CreateRetries = policy);
        var badGateway = Steps.Throw<JobResource?>(Steps.Http(HttpStatusCode.BadGateway));
        h.Script("a").OnCreate(badGateway, badGateway, badGateway, badGateway); // the fifth attempt succeeds

        h.Submit("a");
        foreach (var (attempt, at) in new[] { (2, 1.0), (3, 3.0), (4, 5.0), (5, 7.0) }) // 1 s, 2 s, then capped at 2 s
        {
            await h.Spans.WaitAsync("a", "Create", attempt - 1);
            h.AdvanceTo(At(at));
            await h.Calls.WaitAsync("a", Op.Create, attempt);
        }

        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.Equal([At(0), At(1), At(3), At(5), At(7)], h.Calls.Of("a", Op.Create).Select(c => c.At));
    }

    [Fact]
    public async Task CreateReturningAFailureWithCleanup_DeletesTheJobItCreated()
    {
        await using var h = new HostHarness();
        h.Script("a").CreateReturnsResource("CLEANUP");

        var result = await h.CompletionAsync(h.Submit("a"));

        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(result.ResourceMeta, delete.Meta);
        Assert.NotNull(delete.Meta);
        Assert.Equal(DeleteReason.CleanupOnFailure, delete.Reason);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Empty(h.Calls.Of("a", Op.Get));
    }

    [Fact]
    public async Task CreateReturningANonTerminalResource_IsPolledFromTheNextResync()
    {
        await using var h = new HostHarness();
        h.Script("a").CreateReturnsResource("QUEUED");
        h.Script("a").GetStates("DONE");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Queued, "queued remotely");
        h.AdvanceTo(At(5));
        await h.CompletionAsync(handle);

        Assert.Equal([At(5)], h.Calls.Of("a", Op.Get).Select(c => c.At));
        Assert.Equal(
            [
                (TaskPhase.Queued, 2u, "launched", PluginState.ResourcesCreated),
                (TaskPhase.Queued, 0u, "queued remotely", PluginState.ResourcesCreated),
                (TaskPhase.Success, 0u, "done", PluginState.Succeeded),
            ],
            h.Trace("a"));
    }

    /// <summary>
    /// A task aborted while it waits for a write token is never created: the Create looks at the abort after the
    /// limiter's wait (a Create there would make a job only to delete it).
    /// </summary>
    [Fact]
    public async Task AbortWhileWaitingForAWriteToken_NeverCreatesTheJob()
    {
        await using var h = new HostHarness(s =>
        {
            s.Quota(100);
            s.Scripted.WriteQps = 1;
            s.Scripted.WriteBurst = 5;
        });
        for (var i = 0; i < 5; i++)
        {
            h.Submit($"t{i}");
        }

        await h.Calls.WaitAsync(Op.Create, 5); // the burst is spent
        var late = h.Submit("late");
        await h.WaitForPhaseAsync("late", TaskPhase.Queued, "Allocation token required"); // next: the write token
        Assert.True(late.Abort());
        h.AdvanceTo(At(3)); // tokens for a Create and a Delete, should the host wrongly need them
        var result = await h.CompletionAsync(late);

        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Empty(h.Calls.Of("late", Op.Create));
        Assert.Empty(h.Calls.Of("late", Op.Delete));
    }
}
