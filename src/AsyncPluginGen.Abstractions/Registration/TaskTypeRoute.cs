namespace AsyncPluginGen;

/// <summary>
/// One task type of a registry and the id of the plugin that serves it: what <see cref="PluginCatalog"/> needs to route
/// task types, known without building any plugin's <see cref="PluginDescriptor"/>.
/// </summary>
/// <param name="TaskType">The task type (ordinal, case-sensitive).</param>
/// <param name="PluginId">The <see cref="PluginDescriptor.Id"/> of the plugin that serves it.</param>
public readonly record struct TaskTypeRoute(string TaskType, string PluginId);
