using System.Text.Json.Nodes;
using AsyncPluginGen.Flyte.Agent;
using Flyteidl.Admin;
using Phase = Flyteidl.Core.TaskExecution.Types.Phase;

namespace AsyncPluginGen.Flyte.Tests.Agent;

/// <summary>PhaseInfo to Resource, row by row (docs/flyte-agent.md's table).</summary>
public sealed class ResourceMapperTests
{
#pragma warning disable CS0612 // the deprecated state is asserted to stay consistent with the phase
    [Theory]
    [InlineData(TaskPhase.Undefined, Phase.Queued, State.Pending)]
    [InlineData(TaskPhase.NotReady, Phase.Queued, State.Pending)]
    [InlineData(TaskPhase.WaitingForResources, Phase.WaitingForResources, State.Pending)]
    [InlineData(TaskPhase.Queued, Phase.Queued, State.Pending)]
    [InlineData(TaskPhase.Initializing, Phase.Initializing, State.Pending)]
    [InlineData(TaskPhase.Running, Phase.Running, State.Running)]
    [InlineData(TaskPhase.Success, Phase.Succeeded, State.Succeeded)]
    [InlineData(TaskPhase.RetryableFailure, Phase.RetryableFailed, State.RetryableFailure)]
    [InlineData(TaskPhase.PermanentFailure, Phase.Failed, State.PermanentFailure)]
    [InlineData(TaskPhase.WaitingForCache, Phase.Queued, State.Pending)]
    [InlineData(TaskPhase.Aborted, Phase.Aborted, State.PermanentFailure)]
    public void Every_plugin_phase_has_a_protocol_phase_and_never_UNDEFINED(TaskPhase phase, Phase expected, State state)
    {
        Assert.Equal(expected, ResourceMapper.ToProtocolPhase(phase));
        Assert.Equal(state, ResourceMapper.ToDeprecatedState(expected));
        Assert.NotEqual(Phase.Undefined, ResourceMapper.ToProtocolPhase(phase));
    }
#pragma warning restore CS0612

    [Fact]
    public void Logs_custom_info_and_message_are_carried()
    {
        var info = new TaskInfo
        {
            Logs = [new TaskLog("console", "https://console/jobs/1")],
            CustomInfo = new JsonObject { ["cluster"] = "eu-1", ["slots"] = 4 },
        };
        var resource = ResourceMapper.ToResource(PhaseInfo.Running("warming up", info: info));

        Assert.Equal(Phase.Running, resource.Phase);
        Assert.Equal("warming up", resource.Message);
        var log = Assert.Single(resource.LogLinks);
        Assert.Equal(("console", "https://console/jobs/1"), (log.Name, log.Uri));
        Assert.Equal("eu-1", resource.CustomInfo.Fields["cluster"].StringValue);
        Assert.Equal(4, resource.CustomInfo.Fields["slots"].NumberValue);
        Assert.Null(resource.AgentError);
    }

    [Fact]
    public void A_system_failure_carries_a_non_recoverable_system_agent_error()
    {
        var resource = ResourceMapper.ToResource(PhaseInfo.SystemFailure("Quota", "no capacity"));
        Assert.Equal(Phase.Failed, resource.Phase);
        Assert.Equal("no capacity", resource.Message);
        Assert.Equal(("Quota", AgentError.Types.Kind.NonRecoverable, Flyteidl.Core.ExecutionError.Types.ErrorKind.System), (resource.AgentError.Code, resource.AgentError.Kind, resource.AgentError.Origin));
    }
}
