using AsyncPluginGen.Hosting;
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
        Created<TMeta, TResource> created;
        try
        {
            created = await plugin.CreateAsync(task, cancellationToken).ConfigureAwait(false);
        }
        catch (PermanentTaskFailureException failure)
        {
            // Propeller would retry any CreateTask error; a meta carrying the failure ends the task for good at its first Get.
            return AgentMetaPayload.WriteFailure(task.ExecutionId, new AgentCreateFailure(failure.Code, failure.Message, IsSystemError: false));
        }

        if (created.Meta is null)
        {
            var message = $"Create of plugin '{Descriptor.Id}' ({plugin.GetType().FullName}) returned a null ResourceMeta. Create must return " +
                "the meta that identifies the remote job: the agent passes it to every GetTask and to DeleteTask.";
            return AgentMetaPayload.WriteFailure(task.ExecutionId, new AgentCreateFailure(HostReasons.NullResourceMeta, message, IsSystemError: true));
        }

        return AgentMetaPayload.Write(task.ExecutionId, serializer, created.Meta);
    }

    public override async ValueTask<Resource> GetAsync(AgentMetaPayload payload, string? outputPrefix, CancellationToken cancellationToken)
    {
        if (payload.Failure is { } failedAtCreate)
        {
            return ResourceMapper.ToResource(failedAtCreate.ToPhase());
        }

        var meta = ReadMeta(payload);
        TResource resource;
        try
        {
            resource = await plugin.GetAsync(new GetContext<TMeta>(meta), cancellationToken).ConfigureAwait(false);
        }
        catch (PermanentTaskFailureException failure)
        {
            // As in the embedded host: the job exists, so it is deleted before the task ends with the plugin's code.
            await plugin.DeleteAsync(new DeleteContext<TMeta>(meta, DeleteReason.CleanupOnFailure), cancellationToken).ConfigureAwait(false);
            return ResourceMapper.ToResource(PhaseInfo.Failure(failure.Code, failure.Message));
        }

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

    // A task that failed at Create has no remote job: there is nothing to delete.
    public override ValueTask DeleteAsync(AgentMetaPayload payload, CancellationToken cancellationToken) =>
        payload.Failure is not null ? ValueTask.CompletedTask : plugin.DeleteAsync(new DeleteContext<TMeta>(ReadMeta(payload), DeleteReason.Aborted), cancellationToken);

    public override ValueTask DeleteCreatedAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var read = AgentMetaPayload.Read(payload);
        return read.Failure is not null ? ValueTask.CompletedTask : plugin.DeleteAsync(new DeleteContext<TMeta>(ReadMeta(read), DeleteReason.CleanupOnFailure), cancellationToken);
    }

    public override IAsyncEnumerable<GetTaskLogsResponse>? GetLogs(AgentMetaPayload payload, GetTaskLogsRequest request, CancellationToken cancellationToken) =>
        plugin is IAgentTaskLogsPlugin<TMeta> logs ? logs.GetTaskLogsAsync(ReadMeta(payload), request, cancellationToken) : null;

    public override ValueTask<GetTaskMetricsResponse>? GetMetrics(AgentMetaPayload payload, GetTaskMetricsRequest request, CancellationToken cancellationToken) =>
        plugin is IAgentTaskMetricsPlugin<TMeta> metrics ? metrics.GetTaskMetricsAsync(ReadMeta(payload), request, cancellationToken) : null;

    private TMeta ReadMeta(AgentMetaPayload payload)
    {
        if (payload.Failure is { } failure)
        {
            throw new AgentRequestException($"The task failed at Create ({failure.Code}) and has no remote job, so it has no logs or metrics.");
        }

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
