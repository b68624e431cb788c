using System.Diagnostics.CodeAnalysis;

namespace AsyncPluginGen;

/// <summary>
/// Every plugin of every registered assembly, looked up by task type. Built once at start-up from the registries'
/// <see cref="IPluginRegistry.Routes"/>; fails fast with <see cref="DuplicateTaskTypeException"/> when two plugins
/// claim the same task type. A plugin's descriptor is built when its task type is first looked up (or when
/// <see cref="Descriptors"/> is read), so an application with many plugins starts at the cost of routing them.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<string, Route> _byTaskType = new(StringComparer.Ordinal);
    private readonly List<Route> _routes = [];
    private IReadOnlyList<PluginDescriptor>? _descriptors;

    /// <summary>Combines registries.</summary>
    /// <param name="registries">The registries; the same registry listed twice counts once.</param>
    /// <exception cref="DuplicateTaskTypeException">Two plugins claim the same task type.</exception>
    public PluginCatalog(IEnumerable<IPluginRegistry> registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        foreach (var registry in registries.Distinct())
        {
            foreach (var registration in registry.Routes)
            {
                var route = new Route(registry, registration);
                if (_byTaskType.TryGetValue(registration.TaskType, out var existing))
                {
                    // The error path may build every descriptor: the message names both plugin classes.
                    throw new DuplicateTaskTypeException(registration.TaskType, (existing.DescribeByPluginId(), existing.Registry.AssemblyName), (route.DescribeByPluginId(), registry.AssemblyName));
                }

                _byTaskType.Add(registration.TaskType, route);
                _routes.Add(route);
            }
        }
    }

    /// <summary>Every plugin, in registration order. Builds every descriptor the first time it is read.</summary>
    public IReadOnlyList<PluginDescriptor> Descriptors => _descriptors ??= [.. _routes.Select(static r => r.Descriptor).Distinct()];

    /// <summary>Every task type served.</summary>
    public IEnumerable<string> TaskTypes => _byTaskType.Keys;

    /// <summary>Finds the plugin that serves a task type.</summary>
    /// <param name="taskType">The task type (ordinal).</param>
    /// <param name="descriptor">The plugin, when found.</param>
    /// <returns>Whether a plugin serves it.</returns>
    /// <exception cref="InvalidOperationException">A registry lists the task type but describes no plugin, or another one, for it.</exception>
    public bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? descriptor)
    {
        if (_byTaskType.TryGetValue(taskType, out var route))
        {
            descriptor = route.Descriptor;
            return true;
        }

        descriptor = null;
        return false;
    }

    /// <summary>Finds the plugin that serves a task type.</summary>
    /// <param name="taskType">The task type (ordinal).</param>
    /// <returns>The plugin.</returns>
    /// <exception cref="UnknownTaskTypeException">No plugin serves it; the message lists the known task types.</exception>
    public PluginDescriptor GetDescriptor(string taskType)
    {
        ArgumentNullException.ThrowIfNull(taskType);
        return TryGetDescriptor(taskType, out var descriptor) ? descriptor : throw new UnknownTaskTypeException(taskType, TaskTypes);
    }

    /// <summary>A task type's registry, and its plugin's descriptor once built.</summary>
    private sealed class Route(IPluginRegistry registry, TaskTypeRoute registration)
    {
        private PluginDescriptor? _descriptor;

        public IPluginRegistry Registry => registry;

        // Built once per task type; a race builds it twice, and both get the registry's same descriptor.
        public PluginDescriptor Descriptor => _descriptor ??= Resolve();

        /// <summary>The plugin by its id (two plugins of one registry may claim the task type, where the lookup finds one).</summary>
        public PluginDescriptor DescribeByPluginId() =>
            registry.Descriptors.FirstOrDefault(d => d.Id == registration.PluginId) ?? Descriptor;

        private PluginDescriptor Resolve()
        {
            if (!registry.TryGetDescriptor(registration.TaskType, out var descriptor))
            {
                throw new InvalidOperationException(
                    $"The plugin registry of assembly '{registry.AssemblyName}' lists task type '{registration.TaskType}' (plugin '{registration.PluginId}') in its Routes, but TryGetDescriptor does not find it. " +
                    "Routes and TryGetDescriptor must describe the same plugins; a generated registry always does, so rebuild the plugin assembly, or fix the hand-written registry.");
            }

            if (descriptor.Id != registration.PluginId || !descriptor.TaskTypes.Contains(registration.TaskType, StringComparer.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The plugin registry of assembly '{registry.AssemblyName}' lists task type '{registration.TaskType}' for plugin '{registration.PluginId}', but TryGetDescriptor returns plugin '{descriptor.Id}' (task types: {string.Join(", ", descriptor.TaskTypes)}). " +
                    "Routes and TryGetDescriptor must describe the same plugins; a generated registry always does, so rebuild the plugin assembly, or fix the hand-written registry.");
            }

            return descriptor;
        }
    }
}
