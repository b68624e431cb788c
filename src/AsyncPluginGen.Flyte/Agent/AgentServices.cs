using AsyncPluginGen.Flyte.Meta;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>What the three gRPC services share: the plugin table, the meta envelope, metrics, logging and options.</summary>
internal sealed class AgentServices(
    AgentPluginTable plugins,
    ResourceMetaEnvelope envelope,
    AgentMetrics metrics,
    IOptions<FlyteAgentOptions> options,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime? lifetime = null)
{
    public AgentPluginTable Plugins { get; } = plugins;

    public ResourceMetaEnvelope Envelope { get; } = envelope;

    public AgentMetrics Metrics { get; } = metrics;

    public FlyteAgentOptions Options { get; } = options.Value;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("AsyncPluginGen.Flyte.Agent");

    /// <summary>Cancelled when the application stops: a cancellation it causes is shutdown, not a transient failure.</summary>
    public CancellationToken Stopping { get; } = lifetime?.ApplicationStopping ?? CancellationToken.None;
}
