using System.Text.Json;
using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Admin;
using Flyteidl.Service;
using Google.Protobuf;
using Grpc.Core;

namespace AsyncPluginGen.Flyte.Client;

/// <summary>
/// Lets the <see cref="AsyncPluginGen.Hosting.PluginHost"/> run one task category served by a remote Flyte agent
/// (ours or flytekit's) exactly as propeller does: Create sends the rendered template, inputs and execution metadata
/// (or, for a category the agent lists as sync, runs ExecuteTaskSync and keeps its final resource); Get polls with
/// the agent's <c>resource_meta</c>; Delete cancels on abort or timeout; each call has its own deadline. The host
/// supplies propeller's polling, rate limits, quotas and failure counting.
/// </summary>
public sealed class RemoteAgentPlugin :
    IAsyncPlugin<RemoteAgentMeta, Resource>,
    IResourceMetaSerializerProvider<RemoteAgentMeta>,
    ITaskOutputsPlugin<RemoteAgentMeta, Resource>
{
    private readonly AsyncAgentService.AsyncAgentServiceClient _async;
    private readonly SyncAgentService.SyncAgentServiceClient _sync;
    private readonly RemoteAgentDiscovery _discovery;
    private readonly RemoteAgentOptions _options;
    private readonly TaskCategory _category;

    /// <summary>Creates the plugin for one category.</summary>
    /// <param name="descriptor">The plugin's descriptor (see <see cref="RemoteAgentRegistry"/>).</param>
    /// <param name="invoker">Calls the agent (a <c>GrpcChannel</c>'s invoker).</param>
    /// <param name="discovery">What the agent says it serves.</param>
    /// <param name="options">The agent's options.</param>
    public RemoteAgentPlugin(PluginDescriptor descriptor, CallInvoker invoker, RemoteAgentDiscovery discovery, RemoteAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(invoker);
        Descriptor = descriptor;
        _async = new AsyncAgentService.AsyncAgentServiceClient(invoker);
        _sync = new SyncAgentService.SyncAgentServiceClient(invoker);
        _discovery = discovery;
        _options = options;
        _category = new TaskCategory { Name = descriptor.TaskTypes[0], Version = descriptor.Version };
    }

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; }

    /// <inheritdoc />
    public IResourceMetaSerializer<RemoteAgentMeta> ResourceMetaSerializer => RemoteAgentMetaSerializer.Instance;

    /// <inheritdoc />
    public PluginConfig GetConfig() => Descriptor.Config;

    /// <inheritdoc />
    public ResourceRequirements GetResourceRequirements(TaskContext task) => ResourceRequirements.Default;

    /// <inheritdoc />
    public async ValueTask<Created<RemoteAgentMeta, Resource>> CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (await _discovery.IsSyncAsync(_category.Name, _category.Version, cancellationToken).ConfigureAwait(false))
        {
            var resource = await ExecuteSyncAsync(task, cancellationToken).ConfigureAwait(false);
            return new Created<RemoteAgentMeta, Resource>(new RemoteAgentMeta([], resource.ToByteArray()), resource);
        }

        var response = await CallAsync("CreateTask", (deadline, ct) => _async.CreateTaskAsync(RemoteAgentRequests.Create(task, _category.Version), deadline: deadline, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return new RemoteAgentMeta(response.ResourceMeta.ToByteArray());
    }

    /// <inheritdoc />
    public async ValueTask<Resource> GetAsync(GetContext<RemoteAgentMeta> context, CancellationToken cancellationToken)
    {
        if (context.ResourceMeta.SyncResource is { } final)
        {
            return Resource.Parser.ParseFrom(final);
        }

        var request = new GetTaskRequest { TaskCategory = _category, ResourceMeta = ByteString.CopyFrom(context.ResourceMeta.AgentMeta) };
#pragma warning disable CS0612 // older agents route by the deprecated task type
        request.TaskType = _category.Name;
#pragma warning restore CS0612
        var response = await CallAsync("GetTask", (deadline, ct) => _async.GetTaskAsync(request, deadline: deadline, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return response.Resource ?? throw new InvalidOperationException($"The Flyte agent at {_options.Endpoint} answered GetTask for '{_category.Name}' without a resource.");
    }

    /// <inheritdoc />
    public async ValueTask DeleteAsync(DeleteContext<RemoteAgentMeta> context, CancellationToken cancellationToken)
    {
        if (context.ResourceMeta.SyncResource is not null)
        {
            return; // A synchronous task has ended; there is nothing left to cancel.
        }

        var request = new DeleteTaskRequest { TaskCategory = _category, ResourceMeta = ByteString.CopyFrom(context.ResourceMeta.AgentMeta) };
#pragma warning disable CS0612
        request.TaskType = _category.Name;
#pragma warning restore CS0612
        await CallAsync("DeleteTask", (deadline, ct) => _async.DeleteTaskAsync(request, deadline: deadline, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public PhaseInfo Status(in StatusContext<RemoteAgentMeta, Resource> context) => RemoteAgentStatus.ToPhaseInfo(context.Resource);

    /// <summary>The outputs the agent returned with a succeeded resource, as JSON (propeller writes them to outputs.pb).</summary>
    /// <param name="context">The task and its final resource.</param>
    /// <param name="cancellationToken">Unused: the outputs are already in the resource.</param>
    /// <returns>The outputs, or null when the agent returned none.</returns>
    public ValueTask<JsonElement?> GetOutputsAsync(StatusContext<RemoteAgentMeta, Resource> context, CancellationToken cancellationToken) =>
        new(context.Resource.Outputs is { } outputs ? LiteralJson.ToJson(outputs) : null);

    private async Task<Resource> ExecuteSyncAsync(TaskContext task, CancellationToken cancellationToken)
    {
        return await CallAsync("ExecuteTaskSync", async (deadline, ct) =>
        {
            // Propeller's exchange: header, inputs, close, then exactly one response, a header with a terminal resource.
            using var call = _sync.ExecuteTaskSync(deadline: deadline, cancellationToken: ct);
            await call.RequestStream.WriteAsync(new ExecuteTaskSyncRequest { Header = RemoteAgentRequests.SyncHeader(task, _category.Version) }, ct).ConfigureAwait(false);
            await call.RequestStream.WriteAsync(new ExecuteTaskSyncRequest { Inputs = LiteralJson.ToLiteralMap(task.Inputs) }, ct).ConfigureAwait(false);
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            if (!await call.ResponseStream.MoveNext(ct).ConfigureAwait(false) || call.ResponseStream.Current.Header?.Resource is not { } resource)
            {
                throw new InvalidOperationException($"The Flyte agent at {_options.Endpoint} answered ExecuteTaskSync for '{_category.Name}' without a header carrying the resource.");
            }

            return resource;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> CallAsync<T>(string method, Func<DateTime, CancellationToken, AsyncUnaryCall<T>> call, CancellationToken cancellationToken) =>
        await CallAsync(method, async (deadline, ct) => await call(deadline, ct).ResponseAsync.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<T> CallAsync<T>(string method, Func<DateTime, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        // gRPC deadlines are wall-clock instants, whatever clock the host runs on.
        var deadline = DateTime.UtcNow + _options.TimeoutOf(method);
        try
        {
            return await call(deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (RpcException exception) when (RemoteAgentCallException.IsTransient(exception.StatusCode))
        {
            throw new RemoteAgentCallException(method, _options.Endpoint!, exception);
        }
    }

    /// <inheritdoc />
    PhaseInfo IAsyncPlugin<RemoteAgentMeta, Resource>.Status(in StatusContext<RemoteAgentMeta, Resource> context) => Status(context);
}
