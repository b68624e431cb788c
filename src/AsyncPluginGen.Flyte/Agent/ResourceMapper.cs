using System.Text.Json;
using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Admin;
using Flyteidl.Core;
using ProtoExecutionError = Flyteidl.Core.ExecutionError;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Turns a plugin's <see cref="PhaseInfo"/> into the protocol's <see cref="Resource"/>. The phase is always set, never
/// <c>UNDEFINED</c>: propeller then falls back to the deprecated <c>state</c>, whose zero value means retryable failure.
/// The deprecated state is set too, consistently, for propellers older than the phase field.
/// </summary>
public static class ResourceMapper
{
    /// <summary>The protocol phase for a plugin phase.</summary>
    /// <param name="phase">The plugin's phase.</param>
    /// <returns>The phase propeller acts on.</returns>
    public static TaskExecution.Types.Phase ToProtocolPhase(TaskPhase phase) => phase switch
    {
        TaskPhase.WaitingForResources => TaskExecution.Types.Phase.WaitingForResources,
        TaskPhase.Initializing => TaskExecution.Types.Phase.Initializing,
        TaskPhase.Running => TaskExecution.Types.Phase.Running,
        TaskPhase.Success => TaskExecution.Types.Phase.Succeeded,
        TaskPhase.RetryableFailure => TaskExecution.Types.Phase.RetryableFailed,
        TaskPhase.PermanentFailure => TaskExecution.Types.Phase.Failed,
        TaskPhase.Aborted => TaskExecution.Types.Phase.Aborted,

        // Undefined, NotReady, Queued and WaitingForCache all mean "not running yet, ask again".
        _ => TaskExecution.Types.Phase.Queued,
    };

    /// <summary>The deprecated state matching a protocol phase.</summary>
    /// <param name="phase">The protocol phase.</param>
    /// <returns>The state older propellers read.</returns>
#pragma warning disable CS0612 // the deprecated state, kept consistent with the phase for older propellers
    public static State ToDeprecatedState(TaskExecution.Types.Phase phase) => phase switch
    {
        TaskExecution.Types.Phase.Running => State.Running,
        TaskExecution.Types.Phase.Succeeded => State.Succeeded,
        TaskExecution.Types.Phase.RetryableFailed => State.RetryableFailure,
        TaskExecution.Types.Phase.Failed or TaskExecution.Types.Phase.Aborted => State.PermanentFailure,
        _ => State.Pending,
    };
#pragma warning restore CS0612

    /// <summary>Builds the resource for a phase.</summary>
    /// <param name="phase">What Status reported.</param>
    /// <param name="outputs">The outputs, for a succeeded task that produced some.</param>
    /// <returns>The resource.</returns>
    public static Resource ToResource(in PhaseInfo phase, LiteralMap? outputs = null)
    {
        var protocolPhase = ToProtocolPhase(phase.Phase);
        var resource = new Resource
        {
            Phase = protocolPhase,
#pragma warning disable CS0612 // the deprecated state is set for older propellers, consistently with the phase
            State = ToDeprecatedState(protocolPhase),
#pragma warning restore CS0612
            Message = phase.Error is { } error ? error.Message : phase.Reason ?? "",
            Outputs = outputs,
        };

        if (phase.Info is { } info)
        {
            foreach (var log in info.Logs)
            {
                resource.LogLinks.Add(new Flyteidl.Core.TaskLog { Name = log.Name, Uri = log.Uri });
            }

            if (info.CustomInfo is { } custom)
            {
                using var document = JsonDocument.Parse(custom.ToJsonString());
                resource.CustomInfo = LiteralJson.ToStruct(document.RootElement);
            }
        }

        if (phase.Phase.IsFailure() && phase.Error is { } failure)
        {
            resource.AgentError = new AgentError
            {
                Code = failure.Code,
                Kind = phase.Phase == TaskPhase.RetryableFailure ? AgentError.Types.Kind.Recoverable : AgentError.Types.Kind.NonRecoverable,
                Origin = failure.Kind == ExecutionErrorKind.System ? ProtoExecutionError.Types.ErrorKind.System : ProtoExecutionError.Types.ErrorKind.User,
            };
        }

        return resource;
    }
}
