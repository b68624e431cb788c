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

    /// <summary>Every plugin of the assembly, ordered by plugin class name.</summary>
    IReadOnlyList<PluginDescriptor> Descriptors { get; }

    /// <summary>Finds the plugin that serves a task type.</summary>
    /// <param name="taskType">The task type (ordinal, case-sensitive).</param>
    /// <param name="descriptor">The plugin, when found.</param>
    /// <returns>Whether a plugin serves the task type.</returns>
    bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? descriptor);
}
