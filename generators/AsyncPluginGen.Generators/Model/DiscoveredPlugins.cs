namespace AsyncPluginGen.Generators.Model;

/// <summary>The plugins the generator can implement, by file, in compilation order; files without one are left out.</summary>
internal sealed record DiscoveredPlugins(EquatableArray<PluginFileModel> Files)
{
    public static DiscoveredPlugins None { get; } = new(EquatableArray<PluginFileModel>.Empty);
}
