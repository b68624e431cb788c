using System.Text.Json.Nodes;

namespace AsyncPluginGen;

/// <summary>
/// Optional details that accompany a <see cref="PhaseInfo"/>: log links, times, custom information and
/// external resources (Flyte's <c>TaskInfo</c>). Being a class, creating one allocates: build it in
/// Create or Get and keep it on the resource when Status must return it.
/// </summary>
public sealed record TaskInfo
{
    /// <summary>Links to logs or consoles of the remote job.</summary>
    public IReadOnlyList<TaskLog> Logs { get; init; } = [];

    /// <summary>When the reported phase occurred on the remote service, if known.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>When the phase was observed by the plugin, if known.</summary>
    public DateTimeOffset? ReportedAt { get; init; }

    /// <summary>Free-form information shown with the task (Flyte's <c>CustomInfo</c> struct).</summary>
    public JsonObject? CustomInfo { get; init; }

    /// <summary>Remote resources this task created.</summary>
    public IReadOnlyList<ExternalResourceInfo> ExternalResources { get; init; } = [];

    /// <summary>Further reasons recorded with the phase, oldest first.</summary>
    public IReadOnlyList<string> AdditionalReasons { get; init; } = [];
}
