using System.Diagnostics.CodeAnalysis;
using Flyteidl.Admin;
using Flyteidl.Service;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Flyte.Client;

/// <summary>
/// The task categories of one remote Flyte agent, as plugins the host can run: one <see cref="RemoteAgentPlugin"/> per
/// category, all sharing one gRPC channel and one ListAgents discovery. Register it with
/// <see cref="RemoteAgentServiceCollectionExtensions.AddRemoteAgent(IServiceCollection, Action{RemoteAgentOptions})"/>.
/// </summary>
public sealed class RemoteAgentRegistry : IPluginRegistry, IAsyncDisposable, IDisposable
{
    private readonly RemoteAgentOptions _options;
    private readonly Dictionary<string, PluginDescriptor> _byTaskType = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private GrpcChannel? _channel;
    private RemoteAgentDiscovery? _discovery;

    /// <summary>Creates the registry; nothing connects until the first task.</summary>
    /// <param name="options">The agent's address, categories, deadlines and limits.</param>
    /// <exception cref="ArgumentException">The options are incomplete or out of range.</exception>
    public RemoteAgentRegistry(RemoteAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var descriptors = new List<PluginDescriptor>();
        foreach (var category in options.TaskCategories)
        {
            var index = descriptors.Count;
            var descriptor = new PluginDescriptor(
                category.EffectivePluginId,
                [category.TaskType],
                category.Version,
                PluginKind.Async,
                typeof(RemoteAgentPlugin),
                typeof(RemoteAgentMeta),
                typeof(Resource),
                category.Config ?? options.Config,
                services => CreatePlugin(services, descriptors[index]));
            descriptors.Add(descriptor);
            _byTaskType.Add(category.TaskType, descriptor);
        }

        Descriptors = descriptors;
    }

    /// <inheritdoc />
    public string AssemblyName => $"Flyte agent at {_options.Endpoint}";

    /// <inheritdoc />
    public IReadOnlyList<PluginDescriptor> Descriptors { get; }

    /// <summary>The agent's discovery, once the first plugin was created.</summary>
    public RemoteAgentDiscovery? Discovery => _discovery;

    /// <inheritdoc />
    public bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? descriptor) => _byTaskType.TryGetValue(taskType, out descriptor);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_discovery is not null)
        {
            await _discovery.DisposeAsync().ConfigureAwait(false);
        }

        _channel?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _discovery?.Dispose();
        _channel?.Dispose();
    }

    private RemoteAgentPlugin CreatePlugin(IServiceProvider services, PluginDescriptor descriptor)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        lock (_gate)
        {
            _channel ??= GrpcChannel.ForAddress(_options.Endpoint!, new GrpcChannelOptions
            {
                // Propeller's gRPC receive limit: an agent answering more is refused here as it would be there.
                MaxReceiveMessageSize = Agent.FlyteAgentOptions.PropellerReceiveLimitBytes,
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            });
            _discovery ??= new RemoteAgentDiscovery(new AgentMetadataService.AgentMetadataServiceClient(_channel), _options, time);
        }

        return new RemoteAgentPlugin(descriptor, _channel.CreateCallInvoker(), _discovery, _options);
    }
}
