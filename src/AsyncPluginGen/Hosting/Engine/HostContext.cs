using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting;

/// <summary>What every plugin runner shares with the host: services and components, no callbacks into the host.</summary>
internal sealed class HostContext
{
    public required TimeProvider Time { get; init; }

    public required IResourceManager Resources { get; init; }

    public required PluginHostOptions Options { get; init; }

    public required HostMetrics Metrics { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>Cancelled when the host stops: every remote call in flight is told.</summary>
    public required CancellationToken Stopping { get; init; }

    /// <summary>The tasks in flight, by unique name.</summary>
    public required TaskTable Tasks { get; init; }

    /// <summary>The host's phase observers.</summary>
    public required PhaseFeed Feed { get; init; }
}
