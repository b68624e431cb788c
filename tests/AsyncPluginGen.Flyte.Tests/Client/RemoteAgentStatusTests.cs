using AsyncPluginGen.Flyte.Client;
using Flyteidl.Admin;
using Phase = Flyteidl.Core.TaskExecution.Types.Phase;

namespace AsyncPluginGen.Flyte.Tests.Client;

/// <summary>Propeller's mapping of an agent's resource to a phase, row by row.</summary>
public sealed class RemoteAgentStatusTests
{
    [Theory]
    [InlineData(Phase.Queued, TaskPhase.Queued)]
    [InlineData(Phase.WaitingForResources, TaskPhase.WaitingForResources)]
    [InlineData(Phase.Initializing, TaskPhase.Initializing)]
    [InlineData(Phase.Running, TaskPhase.Running)]
    [InlineData(Phase.Succeeded, TaskPhase.Success)]
    [InlineData(Phase.Aborted, TaskPhase.PermanentFailure)]
    [InlineData(Phase.Failed, TaskPhase.PermanentFailure)]
    [InlineData(Phase.RetryableFailed, TaskPhase.RetryableFailure)]
    public void Each_phase_maps_as_propeller_maps_it(Phase phase, TaskPhase expected)
    {
        var info = RemoteAgentStatus.ToPhaseInfo(new Resource { Phase = phase, Message = "m" });
        Assert.Equal(expected, info.Phase);
        Assert.Equal("m", info.Error?.Message ?? info.Reason);
    }

#pragma warning disable CS0612 // the deprecated state is what an old agent sends
    [Theory]
    [InlineData(State.Pending, TaskPhase.Queued)]
    [InlineData(State.Running, TaskPhase.Running)]
    [InlineData(State.Succeeded, TaskPhase.Success)]
    [InlineData(State.PermanentFailure, TaskPhase.PermanentFailure)]
    [InlineData(State.RetryableFailure, TaskPhase.RetryableFailure)]
    public void An_undefined_phase_falls_back_to_the_deprecated_state(State state, TaskPhase expected) =>
        Assert.Equal(expected, RemoteAgentStatus.ToPhaseInfo(new Resource { Phase = Phase.Undefined, State = state }).Phase);
#pragma warning restore CS0612

    [Fact]
    public void An_unknown_phase_is_a_system_error()
    {
        var info = RemoteAgentStatus.ToPhaseInfo(new Resource { Phase = (Phase)99 });
        Assert.Equal(TaskPhase.PermanentFailure, info.Phase);
        Assert.Equal(ExecutionErrorKind.System, info.Error!.Value.Kind);
    }

    [Fact]
    public void A_failure_takes_the_agent_errors_code_and_origin_else_TaskFailedWithError()
    {
        var coded = RemoteAgentStatus.ToPhaseInfo(new Resource
        {
            Phase = Phase.Failed,
            Message = "quota",
            AgentError = new AgentError { Code = "QuotaExceeded", Origin = Flyteidl.Core.ExecutionError.Types.ErrorKind.System },
        });
        Assert.Equal("QuotaExceeded", coded.Error!.Value.Code);
        Assert.Equal(ExecutionErrorKind.System, coded.Error!.Value.Kind);

        var plain = RemoteAgentStatus.ToPhaseInfo(new Resource { Phase = Phase.Failed });
        Assert.Equal("TaskFailedWithError", plain.Error!.Value.Code);
        Assert.Equal(ExecutionErrorKind.User, plain.Error!.Value.Kind);
    }

    [Fact]
    public void Log_links_become_task_logs()
    {
        var resource = new Resource { Phase = Phase.Running };
        resource.LogLinks.Add(new Flyteidl.Core.TaskLog { Name = "console", Uri = "https://console/job/1" });
        var info = RemoteAgentStatus.ToPhaseInfo(resource);
        var log = Assert.Single(info.Info!.Logs);
        Assert.Equal(new TaskLog("console", "https://console/job/1"), log);
    }
}
