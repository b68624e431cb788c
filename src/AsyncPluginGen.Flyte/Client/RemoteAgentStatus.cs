using Flyteidl.Admin;
using Flyteidl.Core;
using Phase = Flyteidl.Core.TaskExecution.Types.Phase;

namespace AsyncPluginGen.Flyte.Client;

/// <summary>
/// Maps an agent's <see cref="Resource"/> to a <see cref="PhaseInfo"/> the way propeller's connector plugin does:
/// queued, waiting, initializing and running pass through with the message; succeeded is success; aborted and failed
/// are permanent failures; retryable-failed is a retryable failure; an undefined phase falls back to the deprecated
/// state; anything else is a system error. The failure code is <c>agent_error.code</c>, else <c>TaskFailedWithError</c>.
/// Unlike propeller, the agent error's code and origin are kept on the Get path too.
/// </summary>
public static class RemoteAgentStatus
{
    /// <summary>Propeller's failure code when the agent names none.</summary>
    public const string DefaultFailureCode = "TaskFailedWithError";

    /// <summary>Maps a resource.</summary>
    /// <param name="resource">What the agent answered.</param>
    /// <returns>The phase.</returns>
    public static PhaseInfo ToPhaseInfo(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var info = resource.LogLinks.Count == 0 ? null : new TaskInfo { Logs = ToLogs(resource) };
        var message = resource.Message;
        switch (resource.Phase)
        {
            case Phase.Queued:
                return PhaseInfo.Queued(message, info: info);
            case Phase.WaitingForResources:
                return PhaseInfo.WaitingForResources(message, info: info);
            case Phase.Initializing:
                return PhaseInfo.Initializing(message, info: info);
            case Phase.Running:
                return PhaseInfo.Running(message, info: info);
            case Phase.Succeeded:
                return PhaseInfo.Success(message, info);
            case Phase.Aborted:
            case Phase.Failed:
                return Failure(TaskPhase.PermanentFailure, resource, info);
            case Phase.RetryableFailed:
                return Failure(TaskPhase.RetryableFailure, resource, info);
            case Phase.Undefined:
                return FromDeprecatedState(resource, info);
            default:
                return PhaseInfo.SystemFailure(ExecutionError.SystemErrorCode, $"The agent answered unknown phase {(int)resource.Phase}.", info);
        }
    }

    private static PhaseInfo FromDeprecatedState(Resource resource, TaskInfo? info)
    {
#pragma warning disable CS0612 // an agent that predates the phase field reports only the state
        return resource.State switch
        {
            State.Pending => PhaseInfo.Queued(resource.Message, info: info),
            State.Running => PhaseInfo.Running(resource.Message, info: info),
            State.Succeeded => PhaseInfo.Success(resource.Message, info),
            State.PermanentFailure => Failure(TaskPhase.PermanentFailure, resource, info),

            // The state's zero value: an agent that sets neither phase nor state reports a retryable failure.
            _ => Failure(TaskPhase.RetryableFailure, resource, info),
        };
#pragma warning restore CS0612
    }

    private static PhaseInfo Failure(TaskPhase phase, Resource resource, TaskInfo? info)
    {
        var code = string.IsNullOrEmpty(resource.AgentError?.Code) ? DefaultFailureCode : resource.AgentError.Code;
        var kind = resource.AgentError?.Origin == Flyteidl.Core.ExecutionError.Types.ErrorKind.System ? ExecutionErrorKind.System : ExecutionErrorKind.User;
        var message = string.IsNullOrEmpty(resource.Message) ? $"The agent reported {resource.Phase}." : resource.Message;
        return PhaseInfo.Failed(phase, new AsyncPluginGen.ExecutionError(code, message, kind), info);
    }

    private static TaskLog[] ToLogs(Resource resource)
    {
        var logs = new TaskLog[resource.LogLinks.Count];
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = new TaskLog(resource.LogLinks[i].Name, resource.LogLinks[i].Uri);
        }

        return logs;
    }
}
