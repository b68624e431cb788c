using System.Diagnostics.CodeAnalysis;

namespace AsyncPluginGen;

/// <summary>
/// The plugins of one assembly. The generator emits one per assembly that declares plugins, with the lookup
/// by task type compiled to a <see langword="switch"/>; <see cref="PluginCatalog"/> combines several.
/// </summary>
public interface IPluginRegistry
{
    /// <summary>The assembly the plugins come from, named in error messages.</summary>
    string AssemblyName { get; }

    /// <summary>Every plugin of the assembly, ordered by plugin class name. Builds every plugin's descriptor.</summary>
    IReadOnlyList<PluginDescriptor> Descriptors { get; }

    /// <summary>
    /// Every task type of the assembly with the id of the plugin that serves it, in <see cref="Descriptors"/> order.
    /// The generated registry answers from constants, so a <see cref="PluginCatalog"/> can route task types without
    /// building (and, under the JIT, loading and compiling) any plugin's descriptor until a task type is looked up; the
    /// default builds them from <see cref="Descriptors"/>.
    /// </summary>
    IReadOnlyList<TaskTypeRoute> Routes =>
        [.. Descriptors.SelectMany(static d => d.TaskTypes.Select(taskType => new TaskTypeRoute(taskType, d.Id)))];

    /// <summary>Finds the plugin that serves a task type.</summary>
    /// <param name="taskType">The task type (ordinal, case-sensitive).</param>
    /// <param name="descriptor">The plugin, when found.</param>
    /// <returns>Whether a plugin serves the task type.</returns>
    bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? descriptor);
}
