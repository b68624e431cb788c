namespace AsyncPluginGen.Generators.Model;

/// <summary>The models of every [AsyncPlugin] and [SyncPlugin] class the generator can implement, in source order.</summary>
internal sealed record DiscoveredPlugins(EquatableArray<PluginModel> Async, EquatableArray<PluginModel> Sync)
{
    public static DiscoveredPlugins None { get; } = new(EquatableArray<PluginModel>.Empty, EquatableArray<PluginModel>.Empty);
}
