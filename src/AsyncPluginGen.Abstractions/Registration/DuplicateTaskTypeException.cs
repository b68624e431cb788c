namespace AsyncPluginGen;

/// <summary>Thrown when two plugins claim the same task type.</summary>
public sealed class DuplicateTaskTypeException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskType">The task type claimed twice.</param>
    /// <param name="first">The plugin registered first, and its assembly.</param>
    /// <param name="second">The plugin registered second, and its assembly.</param>
    public DuplicateTaskTypeException(string taskType, (PluginDescriptor Plugin, string Assembly) first, (PluginDescriptor Plugin, string Assembly) second)
        : base($"Task type '{taskType}' is served by two plugins: '{first.Plugin.Id}' ({first.Plugin.PluginType.FullName}, assembly {first.Assembly}) " +
               $"and '{second.Plugin.Id}' ({second.Plugin.PluginType.FullName}, assembly {second.Assembly}). " +
               "Give one of them another task type in its [AsyncPlugin]/[SyncPlugin] attribute, or register only one of the assemblies.")
    {
        TaskType = taskType;
    }

    /// <summary>The task type claimed twice.</summary>
    public string TaskType { get; }
}
