using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting;

/// <summary>What every plugin runner shares with the host.</summary>
internal sealed class HostContext
{
    public required TimeProvider Time { get; init; }

    public required IResourceManager Resources { get; init; }

    public required PluginHostOptions Options { get; init; }

    public required HostMetrics Metrics { get; init; }

    public required ILogger Logger { get; init; }

    public required CancellationToken Stopping { get; init; }

    /// <summary>Reports a phase change to the host's observers.</summary>
    public required Action<TaskRecord, PhaseEvent> PhaseChanged { get; init; }

    /// <summary>Tells the host a task ended, so its unique name can be used again.</summary>
    public required Action<TaskRecord> Finished { get; init; }
}
