using System.Runtime.CompilerServices;
using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>
/// A Delete that gives up is not hidden: the result says the remote job may still exist, and asyncplugin.delete.gave_up
/// counts it. An ended task is not kept alive by its deadline's timer entry.
/// </summary>
public sealed class DeleteGaveUpTests
{
    private static readonly KeyValuePair<string, object?> PluginTag = new("plugin", ScriptedPlugin.Id);
    private static readonly RetryPolicy DeleteTwice = new() { MaxAttempts = 2, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task AbortWhoseDeleteGivesUp_StaysAborted_WithCodeDeleteGaveUp_AMessageNamingPluginTaskAndLastError_AndIsCounted()
    {
        await using var h = new HostHarness(s => s.Options.DeleteRetries = DeleteTwice);
        using var gaveUp = Collector(h);
        var longError = "last delete error " + new string('x', 5000);
        var attempt = 0;
        h.Script("a").DeleteAlwaysThrows = () => new InvalidOperationException(++attempt == 1 ? "first delete error" : longError);

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.True(handle.Abort());
        await h.Spans.WaitAsync("a", "Delete", 1);
        Assert.Empty(gaveUp.GetMeasurementSnapshot()); // a retry is not giving up
        h.AdvanceTo(At(1));
        var result = await h.CompletionAsync(handle);

        Assert.Equal(2, h.Calls.Count("a", Op.Delete));
        Assert.Equal(PluginState.Aborted, result.State);
        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        var error = Assert.NotNull(result.Phase.Error);
        Assert.Equal(HostReasons.DeleteGaveUp, error.Code);
        Assert.Equal("DeleteGaveUp", HostReasons.DeleteGaveUp);
        Assert.Contains("may still exist", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ScriptedPlugin.Id}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(h.UniqueName("a"), error.Message, StringComparison.Ordinal);
        Assert.Contains(longError[..512], error.Message, StringComparison.Ordinal); // the last error, cut to 512 characters
        Assert.DoesNotContain(longError[..513], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("first delete error", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, result.Phase.Reason);

        var last = h.Events("a")[^1];
        Assert.Equal(result.Phase, last.Phase); // watchers and observers see the same result
        Assert.Equal(PluginState.Aborted, last.State);
        var measurement = Assert.Single(gaveUp.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.True(measurement.ContainsTags(PluginTag));
    }

    [Fact]
    public async Task AbortWhoseDeleteSucceeds_IsPlainAborted_AndNotCounted()
    {
        await using var h = new HostHarness(s => s.Options.DeleteRetries = DeleteTwice);
        using var gaveUp = Collector(h);
        h.Script("a").OnDelete(Steps.Throw<bool>(new TimeoutException("slow delete"))); // the second attempt succeeds

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.True(handle.Abort());
        await h.Spans.WaitAsync("a", "Delete", 1);
        h.AdvanceTo(At(1));
        var result = await h.CompletionAsync(handle);

        Assert.Equal(PhaseInfo.Aborted(HostReasons.Aborted), result.Phase);
        Assert.Null(result.Phase.Error);
        Assert.Empty(gaveUp.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task DeadlineWhoseDeleteGivesUp_FailsWithTimeoutExpired_SayingTheJobMayStillExist()
    {
        await using var h = new HostHarness(s => s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 1 });
        using var gaveUp = Collector(h);
        h.Script("a").DeleteAlwaysThrows = () => new HttpRequestException("connection reset");

        var handle = h.Submit("a", new TaskOptions { Timeout = TimeSpan.FromSeconds(3) });
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        h.AdvanceTo(At(3));
        var result = await h.CompletionAsync(handle);

        Assert.Equal(TaskPhase.RetryableFailure, result.Phase.Phase);
        Assert.Equal(PluginState.UserFailure, result.State);
        var error = Assert.NotNull(result.Phase.Error);
        Assert.Equal(HostReasons.TimeoutExpired, error.Code);
        Assert.StartsWith("The task did not finish before its deadline", error.Message, StringComparison.Ordinal);
        Assert.Contains("may still exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection reset", error.Message, StringComparison.Ordinal);
        Assert.Equal(result.Phase, h.Events("a")[^1].Phase);
        Assert.Equal(1, Assert.Single(gaveUp.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task CleanupWhoseDeleteGivesUp_KeepsTheFailureCode_SayingTheJobMayStillExist()
    {
        await using var h = new HostHarness(s => s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 1 });
        using var gaveUp = Collector(h);
        h.Script("a").GetStates("CLEANUP");
        h.Script("a").DeleteAlwaysThrows = () => new InvalidOperationException("cannot delete");

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal("JobFailed", result.Phase.Error?.Code);
        Assert.Contains("may still exist", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("cannot delete", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.True(Assert.Single(gaveUp.GetMeasurementSnapshot()).ContainsTags(PluginTag));
    }

    [Fact]
    public async Task EndedTaskWithAFarDeadline_LeavesNoTimerHoldingIt()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("RUNNING", "DONE");

        var handle = h.Submit("a", new TaskOptions { Timeout = TimeSpan.FromHours(1) });
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.Equal(1, h.Host.HeldTimers(ScriptedPlugin.Id)); // the deadline's entry
        h.AdvanceTo(At(5));
        var result = await h.CompletionAsync(handle);

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal(0, h.Host.HeldTimers(ScriptedPlugin.Id));
    }

    [Fact]
    public async Task EndedTaskWithAFarDeadline_CanBeCollected_BeforeItsDeadline()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("RUNNING", "DONE");

        var (record, completion) = SubmitWithFarDeadline(h);
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        h.AdvanceTo(At(5));
        var result = await completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(PluginState.Succeeded, result.State);

        for (var i = 0; i < 5 && record.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            await Task.Delay(20);
        }

        Assert.False(record.IsAlive, "the host still holds the ended task's record");
    }

    /// <summary>Not inlined, so no local of the test keeps the handle or its record.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Record, Task<TaskResult> Completion) SubmitWithFarDeadline(HostHarness h)
    {
        var handle = h.Submit("a", new TaskOptions { Timeout = TimeSpan.FromHours(1) });
        return (new WeakReference(handle.Record), handle.Completion);
    }

    private static MetricCollector<long> Collector(HostHarness h) => new(h.Meters, HostMetrics.MeterName, "asyncplugin.delete.gave_up");
}
