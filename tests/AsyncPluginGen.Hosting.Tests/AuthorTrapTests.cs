using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>What the host does with a plugin author's mistakes and intentions.</summary>
public sealed class AuthorTrapTests
{
    private static readonly RetryPolicy FourAttempts = new() { MaxAttempts = 4, InitialDelay = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task CreateReturningANullMeta_FailsAtOnce_WithNullResourceMeta_AndNeverCallsGetOrDelete()
    {
        await using var h = new HostHarness();
        h.Script("a").CreateReturnsNullMeta = true;

        var handle = h.Submit("a");
        var result = await h.CompletionAsync(handle);
        handle.Abort(); // too late: nothing to delete
        h.AdvanceTo(At(30));

        Assert.Equal((TaskPhase.PermanentFailure, PluginState.SystemFailure, HostReasons.NullResourceMeta), (result.Phase.Phase, result.State, result.Phase.Error?.Code));
        Assert.Contains("'Scripted'", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ScriptedPlugin), result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("Create must return the meta that identifies the remote job", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(h.Calls.Of("a", Op.Get));
        Assert.Empty(h.Calls.Of(Op.Delete));
        Assert.Null(result.ResourceMeta);
    }

    [Fact]
    public async Task PermanentFailureFromCreate_EndsThePermanentFailure_AtOnce_WithoutRetries()
    {
        await using var h = new HostHarness(s => s.Options.CreateRetries = FourAttempts);
        h.Script("a").CreateAlwaysThrows = () => new PermanentTaskFailureException("EmptyQuery", "The 'query' input is empty.");

        var result = await h.CompletionAsync(h.Submit("a"));
        h.AdvanceTo(At(30));

        Assert.Equal((TaskPhase.PermanentFailure, PluginState.UserFailure), (result.Phase.Phase, result.State));
        Assert.Equal(("EmptyQuery", "The 'query' input is empty."), (result.Phase.Error?.Code, result.Phase.Error?.Message));
        Assert.Single(h.Calls.Of("a", Op.Create));
        Assert.Empty(h.Calls.Of(Op.Delete));
    }

    [Fact]
    public async Task PermanentFailureFromGet_DeletesTheJob_ThenEndsWithItsCode()
    {
        await using var h = new HostHarness();
        h.Script("a").OnGet(Steps.Throw<JobResource>(new PermanentTaskFailureException("JobVanished", "The job's dataset was deleted.")));

        var result = await h.CompletionAsync(h.Submit("a"));
        h.AdvanceTo(At(30));

        Assert.Equal((TaskPhase.PermanentFailure, "JobVanished", "The job's dataset was deleted."), (result.Phase.Phase, result.Phase.Error?.Code, result.Phase.Error?.Message));
        var delete = Assert.Single(h.Calls.Of("a", Op.Delete));
        Assert.Equal(DeleteReason.CleanupOnFailure, delete.Reason);
        Assert.NotNull(delete.Meta);
        Assert.Single(h.Calls.Of("a", Op.Get)); // no more polling
    }

    [Fact]
    public async Task PermanentFailureFromSyncDo_EndsThePermanentFailure_WithoutRetries()
    {
        await using var h = new HostHarness(s => s.Options.CreateRetries = FourAttempts);
        h.SyncPlugin.Steps.Enqueue(Steps.Throw<PhaseInfo>(new PermanentTaskFailureException("BadInput", "No rows to load.")));

        var result = await h.CompletionAsync(h.SubmitSync("s"));

        Assert.Equal((TaskPhase.PermanentFailure, "BadInput", "No rows to load."), (result.Phase.Phase, result.Phase.Error?.Code, result.Phase.Error?.Message));
        Assert.Single(h.Calls.Of("s", Op.Do));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void PermanentTaskFailureException_RequiresACode(string? code)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new PermanentTaskFailureException(code!, "message"));

        Assert.Equal("code", error.ParamName);
        Assert.Contains("error code", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("success")]
    [InlineData("abort")]
    [InlineData("stop")]
    public async Task SyncTask_CancellationSource_IsDisposedWhenTheTaskEnds(string how)
    {
        var h = new HostHarness();
        var never = Wait.Gate();
        if (how != "success")
        {
            h.SyncPlugin.Steps.Enqueue(Steps.After(never, Steps.Return(PhaseInfo.Success())));
        }

        var handle = h.SubmitSync("s");
        var record = (SyncTaskRecord)handle.Record;
        if (how != "success")
        {
            await h.Calls.WaitAsync("s", Op.Do, 1);
        }

        if (how == "abort")
        {
            handle.Abort();
        }
        else if (how == "stop")
        {
            await h.Host.StopAsync(CancellationToken.None).Bounded();
        }

        await Task.WhenAny(handle.Completion).Bounded();

        // Disposed (so unlinked from everything), not left to the finalizer; and the host holds no entry for the task.
        Assert.Throws<ObjectDisposedException>(() => record.Cancellation.Token);
        Assert.True(Assert.Single(h.Calls.Of("s", Op.Do)).Token.IsCancellationRequested || how == "success");
        Assert.Equal(0, h.Host.InFlightCount);
        await h.DisposeAsync();
    }
}
