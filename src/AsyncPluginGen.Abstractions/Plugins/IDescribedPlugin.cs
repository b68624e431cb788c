namespace AsyncPluginGen;

/// <summary>
/// A plugin type that describes itself without an instance, so a registry can list it before creating it. The
/// generator implements this interface explicitly: the descriptor and the configuration stay off the plugin
/// class's own members, which keep showing only what its author wrote. Read it with
/// <see cref="PluginDescriptor.Of{TPlugin}"/>.
/// </summary>
public interface IDescribedPlugin
{
    /// <summary>The plugin's identity, task types, configuration and factory.</summary>
    static abstract PluginDescriptor Descriptor { get; }
}
