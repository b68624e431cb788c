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

    /// <summary>The task store's journal; null without a store. Set once, before any task runs.</summary>
    public TaskJournal? Journal { get; set; }

    /// <summary>The task changed in a way a restarted host must know (no-op without a store).</summary>
    public void Persist(TaskRecord record) => Journal?.Changed(record);

    /// <summary>Write-ahead: completes when every change of <paramref name="record"/> so far is durable (at once without a store).</summary>
    public ValueTask DurableAsync(TaskRecord record) => Journal is { } journal ? journal.DurableAsync(record) : ValueTask.CompletedTask;
}
