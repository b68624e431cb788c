namespace AsyncPluginGen;

/// <summary>What <see cref="AsyncPluginAttribute"/> and <see cref="SyncPluginAttribute"/> share: task types, version and id.</summary>
public abstract class PluginAttribute : Attribute
{
    /// <summary>Declares the task types the plugin serves.</summary>
    /// <param name="taskTypes">One or more task types, for example <c>"warehouse_query"</c>.</param>
    protected PluginAttribute(string[] taskTypes) => TaskTypes = taskTypes;

    /// <summary>The task types the plugin serves.</summary>
    public IReadOnlyList<string> TaskTypes { get; }

    /// <summary>The task category version (default 1).</summary>
    public int Version { get; set; } = 1;

    /// <summary>The plugin's id; defaults to the class name.</summary>
    public string? Id { get; set; }
}
