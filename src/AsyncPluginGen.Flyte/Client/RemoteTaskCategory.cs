namespace AsyncPluginGen.Flyte.Client;

/// <summary>A task category a remote agent serves and the host should send to it (propeller's <c>agentForTaskTypes</c>).</summary>
public sealed class RemoteTaskCategory
{
    /// <summary>The task type, for example <c>warehouse_query</c>.</summary>
    public string TaskType { get; set; } = "";

    /// <summary>The task type version. Default 0.</summary>
    public int Version { get; set; }

    /// <summary>The plugin id the host knows the category by (configuration overrides, metrics). Default <c>{TaskType}.v{Version}.remote</c>.</summary>
    public string? PluginId { get; set; }

    /// <summary>The limits the host applies to this category; null for <see cref="RemoteAgentOptions.Config"/>.</summary>
    public PluginConfig? Config { get; set; }

    internal string EffectivePluginId => string.IsNullOrWhiteSpace(PluginId) ? $"{TaskType}.v{Version}.remote" : PluginId;
}
