using System.Diagnostics.CodeAnalysis;

namespace AsyncPluginGen;

/// <summary>
/// Every plugin of every registered assembly, looked up by task type. Built once at start-up; fails fast with
/// <see cref="DuplicateTaskTypeException"/> when two plugins claim the same task type.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<string, PluginDescriptor> _byTaskType = new(StringComparer.Ordinal);

    /// <summary>Combines registries.</summary>
    /// <param name="registries">The registries; the same registry listed twice counts once.</param>
    /// <exception cref="DuplicateTaskTypeException">Two plugins claim the same task type.</exception>
    public PluginCatalog(IEnumerable<IPluginRegistry> registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var descriptors = new List<PluginDescriptor>();
        foreach (var registry in registries.Distinct())
        {
            foreach (var descriptor in registry.Descriptors)
            {
                descriptors.Add(descriptor);
                foreach (var taskType in descriptor.TaskTypes)
                {
                    if (_byTaskType.TryGetValue(taskType, out var existing))
                    {
                        throw new DuplicateTaskTypeException(taskType, (existing, owners[taskType]), (descriptor, registry.AssemblyName));
                    }

                    _byTaskType.Add(taskType, descriptor);
                    owners.Add(taskType, registry.AssemblyName);
                }
            }
        }

        Descriptors = descriptors;
    }

    /// <summary>Every plugin, in registration order.</summary>
    public IReadOnlyList<PluginDescriptor> Descriptors { get; }

    /// <summary>Every task type served.</summary>
    public IEnumerable<string> TaskTypes => _byTaskType.Keys;

    /// <summary>Finds the plugin that serves a task type.</summary>
    /// <param name="taskType">The task type (ordinal).</param>
    /// <param name="descriptor">The plugin, when found.</param>
    /// <returns>Whether a plugin serves it.</returns>
    public bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? descriptor) =>
        _byTaskType.TryGetValue(taskType, out descriptor);

    /// <summary>Finds the plugin that serves a task type.</summary>
    /// <param name="taskType">The task type (ordinal).</param>
    /// <returns>The plugin.</returns>
    /// <exception cref="UnknownTaskTypeException">No plugin serves it; the message lists the known task types.</exception>
    public PluginDescriptor GetDescriptor(string taskType)
    {
        ArgumentNullException.ThrowIfNull(taskType);
        return TryGetDescriptor(taskType, out var descriptor) ? descriptor : throw new UnknownTaskTypeException(taskType, TaskTypes);
    }
}
