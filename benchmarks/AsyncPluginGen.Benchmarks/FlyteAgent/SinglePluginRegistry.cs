using System.Diagnostics.CodeAnalysis;

namespace AsyncPluginGen.Benchmarks.FlyteAgent;

/// <summary>A registry of one plugin: the benchmark assembly holds many, and the agent must serve only the load test's.</summary>
internal sealed class SinglePluginRegistry(PluginDescriptor descriptor) : IPluginRegistry
{
    public string AssemblyName => "AsyncPluginGen.Benchmarks (agent load)";

    public IReadOnlyList<PluginDescriptor> Descriptors { get; } = [descriptor];

    public bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? found)
    {
        found = descriptor.TaskTypes.Contains(taskType) ? descriptor : null;
        return found is not null;
    }
}
