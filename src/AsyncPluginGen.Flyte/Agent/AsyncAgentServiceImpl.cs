using Flyteidl.Admin;
using Flyteidl.Service;
using Google.Protobuf;
using Grpc.Core;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Flyte's <c>AsyncAgentService</c>: CreateTask, GetTask and DeleteTask on the plugins' Create, Get + Status and
/// Delete; GetTaskMetrics and GetTaskLogs when a plugin offers them. Stateless: everything a Get or Delete needs
/// travels in the signed <c>resource_meta</c>, so any replica with the same key answers any task.
/// </summary>
internal sealed class AsyncAgentServiceImpl(AgentServices services) : AsyncAgentService.AsyncAgentServiceBase
{
    public override async Task<CreateTaskResponse> CreateTask(CreateTaskRequest request, ServerCallContext context)
    {
        var call = new AgentCall(services, context, "create");
        try
        {
            var category = new TaskCategoryKey(request.Template?.Type ?? "", request.Template?.TaskTypeVersion ?? 0);
            call.TaskType = category.Name;
            var plugin = services.Plugins.Find(category);
            call.PluginId = plugin.Id;
            var asyncPlugin = plugin as AsyncAgentPlugin
                ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Task category '{category}' is served synchronously: call SyncAgentService.ExecuteTaskSync."));
            if (request.Inputs is not null)
            {
                services.Metrics.InputBytes(category.Name, request.Inputs.CalculateSize());
            }

            var task = AgentTaskContexts.FromCreate(request.Template!, request.Inputs, request.OutputPrefix, request.TaskExecutionMetadata);
            call.Task = task.UniqueName;
            byte[] payload;
            using (await call.AcquireAsync(plugin, write: true).ConfigureAwait(false))
            {
                payload = await asyncPlugin.CreateAsync(task, context.CancellationToken).ConfigureAwait(false);
            }

            var response = new CreateTaskResponse { ResourceMeta = await SealOrDeleteAsync(asyncPlugin, category, task, payload).ConfigureAwait(false) };
            if (context.CancellationToken.IsCancellationRequested)
            {
                // The job exists, but the caller has gone (deadline or cancel) and will never see its meta: propeller
                // counts the attempt as failed and retries under a new name, so nobody else would ever cancel this job.
                await DeleteOrphanAsync(asyncPlugin, category, task, payload, "the call ended before the answer could be sent").ConfigureAwait(false);
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            call.Succeeded();
            return response;
        }
        catch (Exception exception)
        {
            throw call.Fail(exception, inputErrorsAreInvalidArgument: true);
        }
    }

    public override async Task<GetTaskResponse> GetTask(GetTaskRequest request, ServerCallContext context)
    {
        var call = new AgentCall(services, context, "get");
        try
        {
#pragma warning disable CS0612 // the deprecated task_type routes requests of older propellers
            var (plugin, payload) = Resolve(ref call, request.TaskCategory, request.TaskType, request.ResourceMeta);
#pragma warning restore CS0612
            Resource resource;
            using (await call.AcquireAsync(plugin, write: false).ConfigureAwait(false))
            {
                resource = await plugin.GetAsync(payload, request.OutputPrefix, context.CancellationToken).ConfigureAwait(false);
            }

            call.Succeeded();
            return new GetTaskResponse { Resource = resource };
        }
        catch (Exception exception)
        {
            throw call.Fail(exception);
        }
    }

    public override async Task<DeleteTaskResponse> DeleteTask(DeleteTaskRequest request, ServerCallContext context)
    {
        var call = new AgentCall(services, context, "delete");
        try
        {
#pragma warning disable CS0612
            var (plugin, payload) = Resolve(ref call, request.TaskCategory, request.TaskType, request.ResourceMeta);
#pragma warning restore CS0612
            using (await call.AcquireAsync(plugin, write: true).ConfigureAwait(false))
            {
                await plugin.DeleteAsync(payload, context.CancellationToken).ConfigureAwait(false);
            }

            call.Succeeded();
            return new DeleteTaskResponse();
        }
        catch (Exception exception)
        {
            throw call.Fail(exception);
        }
    }

    public override async Task<GetTaskMetricsResponse> GetTaskMetrics(GetTaskMetricsRequest request, ServerCallContext context)
    {
        var call = new AgentCall(services, context, "metrics");
        try
        {
#pragma warning disable CS0612
            var (plugin, payload) = Resolve(ref call, request.TaskCategory, request.TaskType, request.ResourceMeta);
#pragma warning restore CS0612
            GetTaskMetricsResponse response;
            using (await call.AcquireAsync(plugin, write: false).ConfigureAwait(false))
            {
                var pending = plugin.GetMetrics(payload, request, context.CancellationToken)
                    ?? throw new RpcException(new Status(StatusCode.Unimplemented, $"Plugin '{plugin.Id}' does not offer task metrics (it would implement IAgentTaskMetricsPlugin)."));
                response = await pending.ConfigureAwait(false);
            }

            call.Succeeded();
            return response;
        }
        catch (Exception exception)
        {
            throw call.Fail(exception);
        }
    }

    public override async Task GetTaskLogs(GetTaskLogsRequest request, IServerStreamWriter<GetTaskLogsResponse> responseStream, ServerCallContext context)
    {
        var call = new AgentCall(services, context, "logs");
        try
        {
#pragma warning disable CS0612
            var (plugin, payload) = Resolve(ref call, request.TaskCategory, request.TaskType, request.ResourceMeta);
#pragma warning restore CS0612
            using (await call.AcquireAsync(plugin, write: false).ConfigureAwait(false))
            {
                var logs = plugin.GetLogs(payload, request, context.CancellationToken)
                    ?? throw new RpcException(new Status(StatusCode.Unimplemented, $"Plugin '{plugin.Id}' does not offer task logs (it would implement IAgentTaskLogsPlugin)."));
                await foreach (var response in logs.WithCancellation(context.CancellationToken).ConfigureAwait(false))
                {
                    await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
                }
            }

            call.Succeeded();
        }
        catch (Exception exception)
        {
            throw call.Fail(exception);
        }
    }

    /// <summary>Deletes a job whose meta will never reach propeller, so it does not leak; logs either way.</summary>
    private async ValueTask DeleteOrphanAsync(AsyncAgentPlugin plugin, TaskCategoryKey category, TaskContext task, byte[] payload, string reason)
    {
        try
        {
            // Not the call's token: the call may be at its deadline, and the job must go regardless.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await plugin.DeleteCreatedAsync(payload, timeout.Token).ConfigureAwait(false);
            AgentLog.CreatedButUnreturnable(services.Logger, category.Name, task.UniqueName, reason);
        }
        catch (Exception deleteFailure)
        {
            AgentLog.CreatedAndLeaked(services.Logger, deleteFailure, category.Name, task.UniqueName);
        }
    }

    /// <summary>
    /// What every call on an existing task does first: route by category, require an async plugin, and verify and
    /// decode <c>resource_meta</c>, recording on <paramref name="call"/> what it learns for metrics and logs.
    /// </summary>
    private (AsyncAgentPlugin Plugin, AgentMetaPayload Payload) Resolve(ref AgentCall call, TaskCategory? category, string deprecatedTaskType, ByteString resourceMeta)
    {
        var key = AgentRouting.CategoryOf(category, deprecatedTaskType);
        call.TaskType = key.Name;
        var plugin = services.Plugins.Find(key);
        call.PluginId = plugin.Id;
        var asyncPlugin = plugin as AsyncAgentPlugin
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Task category '{key}' is served synchronously and has no resource to get or delete."));
        var payload = AgentRouting.OpenMeta(services.Envelope, key, resourceMeta);
        call.ExecutionId = payload.ExecutionId;
        return (asyncPlugin, payload);
    }

    /// <summary>
    /// Seals the payload. If that fails (the meta is larger than the envelope allows), the job exists but propeller would
    /// never learn its meta: delete it now rather than leak it, then report the failure.
    /// </summary>
    private async ValueTask<ByteString> SealOrDeleteAsync(AsyncAgentPlugin plugin, TaskCategoryKey category, TaskContext task, byte[] payload)
    {
        try
        {
            // The sealed array is ours alone and never written again: wrap it rather than copy it.
            return UnsafeByteOperations.UnsafeWrap(services.Envelope.Seal(category.Name, category.Version, payload));
        }
        catch (Exception sealFailure)
        {
            await DeleteOrphanAsync(plugin, category, task, payload, sealFailure.Message).ConfigureAwait(false);
            throw new RpcException(new Status(
                StatusCode.FailedPrecondition,
                $"Plugin '{plugin.Id}' created the job, but its ResourceMeta cannot be returned to Flyte ({sealFailure.Message}); the job was cancelled. Keep the ResourceMeta to identifiers, or raise FlyteAgent:ResourceMeta:MaxBytes."));
        }
    }
}
