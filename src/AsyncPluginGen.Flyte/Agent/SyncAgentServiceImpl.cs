using System.Text.Json;
using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Admin;
using Flyteidl.Core;
using Flyteidl.Service;
using Grpc.Core;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Flyte's <c>SyncAgentService.ExecuteTaskSync</c>: propeller sends a header, then the inputs, then closes; it reads
/// exactly one response, which must be a header whose resource is in a terminal phase and carries the outputs.
/// Anything else makes propeller fail on its next poll, so a non-terminal phase from the plugin is answered as a failure.
/// </summary>
internal sealed class SyncAgentServiceImpl(AgentServices services) : SyncAgentService.SyncAgentServiceBase
{
    public override async Task ExecuteTaskSync(
        IAsyncStreamReader<ExecuteTaskSyncRequest> requestStream,
        IServerStreamWriter<ExecuteTaskSyncResponse> responseStream,
        ServerCallContext context)
    {
        var call = new AgentCall(services, context, "execute_sync");
        try
        {
            if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false) || requestStream.Current.PartCase != ExecuteTaskSyncRequest.PartOneofCase.Header)
            {
                throw new AgentRequestException("ExecuteTaskSync must start with a header (template, output_prefix, task_execution_metadata), then send the inputs.");
            }

            var header = requestStream.Current.Header;
            var category = new TaskCategoryKey(header.Template?.Type ?? "", header.Template?.TaskTypeVersion ?? 0);
            call.TaskType = category.Name;
            var plugin = services.Plugins.Find(category);
            call.PluginId = plugin.Id;
            var syncPlugin = plugin as SyncAgentPlugin
                ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Task category '{category}' is served asynchronously: call AsyncAgentService.CreateTask."));

            LiteralMap? inputs = null;
            while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                if (requestStream.Current.PartCase != ExecuteTaskSyncRequest.PartOneofCase.Inputs || inputs is not null)
                {
                    throw new AgentRequestException("After the header, ExecuteTaskSync takes one message with the inputs and nothing else.");
                }

                inputs = requestStream.Current.Inputs;
            }

            if (inputs is not null)
            {
                services.Metrics.InputBytes(category.Name, inputs.CalculateSize());
            }

            var task = AgentTaskContexts.FromSyncHeader(header, inputs);
            call.Task = task.UniqueName;
            PhaseInfo phase;
            using (await call.AcquireAsync(plugin, write: true).ConfigureAwait(false))
            {
                try
                {
                    phase = await syncPlugin.DoAsync(task, context.CancellationToken).ConfigureAwait(false);
                }
                catch (PermanentTaskFailureException failure)
                {
                    // A result, not an error: an RPC error would be retried by propeller.
                    phase = PhaseInfo.Failure(failure.Code, failure.Message);
                }
            }

            var resource = BuildResource(syncPlugin, phase, task, header.Template?.Interface?.Outputs);
            await responseStream.WriteAsync(
                new ExecuteTaskSyncResponse { Header = new ExecuteTaskSyncResponseHeader { Resource = resource } },
                context.CancellationToken).ConfigureAwait(false);
            call.Succeeded();
        }
        catch (Exception exception)
        {
            throw call.Fail(exception, inputErrorsAreInvalidArgument: true);
        }
    }

    private Resource BuildResource(SyncAgentPlugin plugin, PhaseInfo phase, TaskContext task, VariableMap? declaredOutputs)
    {
        if (!phase.IsTerminal)
        {
            phase = PhaseInfo.SystemFailure(
                "NonTerminalSyncPhase",
                $"Sync plugin '{plugin.Id}' returned phase {phase.Phase}, but a synchronous task must end in one call (Success or a failure).");
        }

        LiteralMap? outputs = null;
        if (phase.Phase == TaskPhase.Success && task.Outputs is InMemoryTaskOutputWriter { Outputs: { } json })
        {
            // The header's template declares the output types: integers stay integers, blobs become blobs.
            outputs = AgentOutputs.ToLiteralMap(json, declaredOutputs, services.Options.MaxOutputBytes, ref phase);
        }

        return ResourceMapper.ToResource(phase, outputs);
    }
}
