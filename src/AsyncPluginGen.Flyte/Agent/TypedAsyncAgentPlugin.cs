using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Admin;
using Flyteidl.Core;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>An async plugin with its ResourceMeta and Resource types recovered: the agent's request path calls only typed members.</summary>
internal sealed class TypedAsyncAgentPlugin<TMeta, TResource>(
    IAsyncPlugin<TMeta, TResource> plugin,
    IResourceMetaSerializer<TMeta> serializer,
    PluginConfig config,
    int maxOutputBytes,
    ILogger logger) : AsyncAgentPlugin(plugin.Descriptor, config)
    where TMeta : notnull
    where TResource : notnull
{
    public override async ValueTask<byte[]> CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        var created = await plugin.CreateAsync(task, cancellationToken).ConfigureAwait(false);
        return AgentMetaPayload.Write(task.ExecutionId, serializer, created.Meta);
    }

    public override async ValueTask<Resource> GetAsync(AgentMetaPayload payload, string? outputPrefix, CancellationToken cancellationToken)
    {
        var meta = ReadMeta(payload);
        var resource = await plugin.GetAsync(new GetContext<TMeta>(meta), cancellationToken).ConfigureAwait(false);
        var task = new TaskContext(Descriptor.TaskTypes[0], payload.ExecutionId)
        {
            Outputs = new InMemoryTaskOutputWriter(string.IsNullOrEmpty(outputPrefix) ? "memory://outputs" : outputPrefix),
        };
        var context = new StatusContext<TMeta, TResource>(task, meta, resource);
        PhaseInfo phase;
        try
        {
            phase = plugin.Status(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AgentLog.StatusFailed(logger, exception, Descriptor.Id, task.UniqueName);
            // As in the embedded host: a Status that throws fails the task as a system error, and the job is cleaned up.
            phase = PhaseInfo.SystemFailureWithCleanup(ExecutionError.SystemErrorCode, $"Status of plugin '{Descriptor.Id}' threw {exception.GetType().Name}.");
        }

        if (phase.Phase.IsFailure() && phase.CleanupOnFailure)
        {
            // Propeller only deletes on abort or timeout; the agent keeps no state, so it cleans up before it answers.
            await plugin.DeleteAsync(new DeleteContext<TMeta>(meta, DeleteReason.CleanupOnFailure), cancellationToken).ConfigureAwait(false);
        }

        LiteralMap? outputs = null;
        if (phase.Phase == TaskPhase.Success && plugin is ITaskOutputsPlugin<TMeta, TResource> producer)
        {
            var json = await producer.GetOutputsAsync(context, cancellationToken).ConfigureAwait(false);
            if (json is { } value)
            {
                // GetTask carries no template, so the outputs take their natural literal types.
                outputs = AgentOutputs.ToLiteralMap(value, declared: null, maxOutputBytes, ref phase);
            }
        }

        return ResourceMapper.ToResource(phase, outputs);
    }

    public override ValueTask DeleteAsync(AgentMetaPayload payload, CancellationToken cancellationToken) =>
        plugin.DeleteAsync(new DeleteContext<TMeta>(ReadMeta(payload), DeleteReason.Aborted), cancellationToken);

    public override ValueTask DeleteCreatedAsync(byte[] payload, CancellationToken cancellationToken) =>
        plugin.DeleteAsync(new DeleteContext<TMeta>(ReadMeta(AgentMetaPayload.Read(payload)), DeleteReason.CleanupOnFailure), cancellationToken);

    public override IAsyncEnumerable<GetTaskLogsResponse>? GetLogs(AgentMetaPayload payload, GetTaskLogsRequest request, CancellationToken cancellationToken) =>
        plugin is IAgentTaskLogsPlugin<TMeta> logs ? logs.GetTaskLogsAsync(ReadMeta(payload), request, cancellationToken) : null;

    public override ValueTask<GetTaskMetricsResponse>? GetMetrics(AgentMetaPayload payload, GetTaskMetricsRequest request, CancellationToken cancellationToken) =>
        plugin is IAgentTaskMetricsPlugin<TMeta> metrics ? metrics.GetTaskMetricsAsync(ReadMeta(payload), request, cancellationToken) : null;

    private TMeta ReadMeta(AgentMetaPayload payload)
    {
        try
        {
            return serializer.Read(payload.MetaJson.Span);
        }
        catch (FormatException exception)
        {
            throw new AgentRequestException($"resource_meta does not hold a ResourceMeta of plugin '{Descriptor.Id}': {exception.Message}", exception);
        }
    }
}
