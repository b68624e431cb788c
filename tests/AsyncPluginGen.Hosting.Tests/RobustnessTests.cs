using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>A plugin that throws from any handler never loses the task, and the other tasks keep running.</summary>
public sealed class RobustnessTests
{
    public enum Handler
    {
        ResourceRequirements,
        Create,
        Get,
        Status,
        Delete,
    }

    [Theory]
    [InlineData(Handler.ResourceRequirements, PluginState.SystemFailure, "SystemError")]
    [InlineData(Handler.Create, PluginState.UserFailure, "TaskFailedWithError")]
    [InlineData(Handler.Get, PluginState.UserFailure, "AutoRefreshCacheFailed")]
    [InlineData(Handler.Status, PluginState.SystemFailure, "SystemError")]
    [InlineData(Handler.Delete, PluginState.Aborted, "DeleteGaveUp")] // still Aborted; the code says the job may still exist
    public async Task HandlerThrowing_EndsThatTask_AndOtherTasksKeepRunning(Handler handler, PluginState expected, string? code)
    {
        await using var h = new HostHarness(s =>
        {
            s.Quota(10);
            s.Scripted.MaxSystemFailures = 0;
            s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromSeconds(1) };
        });
        var bad = h.Script("bad");
        Func<Exception> boom = () => new InvalidOperationException($"{handler} exploded");
        switch (handler)
        {
            case Handler.ResourceRequirements: bad.RequirementsThrows = boom; break;
            case Handler.Create: bad.CreateAlwaysThrows = boom; break;
            case Handler.Get: bad.GetAlwaysThrows = boom; break;
            case Handler.Status: bad.GetStates("THROW"); break;
            case Handler.Delete: bad.DeleteAlwaysThrows = boom; break;
        }

        h.Script("before").GetStates("RUNNING", "DONE");
        h.Script("after").GetStates("RUNNING", "DONE");

        var before = h.Submit("before");
        await h.WaitForPhaseAsync("before", TaskPhase.Running);
        var failing = h.Submit("bad");
        if (handler == Handler.Delete)
        {
            await h.WaitForPhaseAsync("bad", TaskPhase.Running);
            Assert.True(failing.Abort());
            await h.Spans.WaitAsync("bad", "Delete", 1); // the first Delete failed and its retry is due at T0 + 1 s
        }

        var after = h.Submit("after");
        await h.WaitForPhaseAsync("after", TaskPhase.Running);
        h.AdvanceTo(At(5));

        var failed = await h.CompletionAsync(failing);
        Assert.Equal(expected, failed.State);
        Assert.Equal(code, failed.Phase.Error?.Code);
        Assert.True(failed.Phase.IsTerminal);
        if (code is not null && handler is not Handler.Get)
        {
            Assert.Contains($"{handler} exploded", failed.Phase.Error?.Message, StringComparison.Ordinal);
        }

        Assert.Equal(PluginState.Succeeded, (await h.CompletionAsync(before)).State);
        Assert.Equal(PluginState.Succeeded, (await h.CompletionAsync(after)).State);
        Assert.Equal(0, h.Host.InFlightCount);
        Assert.Equal(0, h.Resources.Inner.HeldCount(ScriptedPlugin.QuotaNamespace));
    }

    [Fact]
    public async Task ResourceRequirementsThrowing_NamesThePluginAndTheException()
    {
        await using var h = new HostHarness(s => s.Quota(1));
        h.Script("a").RequirementsThrows = () => new FormatException("bad namespace");

        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(ExecutionErrorKind.System, result.Phase.Error?.Kind);
        Assert.Contains("'Scripted'", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("FormatException", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("bad namespace", result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(h.Calls.Of("a", Op.Create));
    }

    [Fact]
    public async Task ManyTasks_WithMixedFailures_AllReachATerminalPhase()
    {
        await using var h = new HostHarness(s => s.Scripted.MaxSystemFailures = 0);
        var outcomes = new[] { "DONE", "FAILED", "RETRYABLE", "SYSFAIL", "THROW", "CLEANUP", "ABORTED", "GETFAIL", "CREATEFAIL" };
        var handles = new List<TaskHandle>();
        for (var i = 0; i < 45; i++)
        {
            var outcome = outcomes[i % outcomes.Length];
            var script = h.Script($"t{i}");
            switch (outcome)
            {
                case "GETFAIL": script.GetAlwaysThrows = () => new HttpRequestException("down"); break;
                case "CREATEFAIL": script.CreateAlwaysThrows = () => new ArgumentException("rejected"); break;
                default: script.GetStates("RUNNING", outcome); break;
            }

            handles.Add(h.Submit($"t{i}"));
        }

        foreach (var i in Enumerable.Range(0, 45).Where(i => outcomes[i % outcomes.Length] is not ("GETFAIL" or "CREATEFAIL")))
        {
            await h.WaitForPhaseAsync($"t{i}", TaskPhase.Running);
        }

        h.AdvanceTo(At(5));
        foreach (var handle in handles)
        {
            Assert.True((await h.CompletionAsync(handle)).Phase.IsTerminal);
        }

        Assert.Equal(0, h.Host.InFlightCount);
    }
}
