namespace AsyncPluginGen;

/// <summary>What every plugin, async or sync, exposes to the host.</summary>
public interface IPlugin
{
    /// <summary>The plugin's identity, task types and configuration.</summary>
    PluginDescriptor Descriptor { get; }

    /// <summary>The configuration the plugin declares (Flyte's <c>GetConfig</c>); the host may override it.</summary>
    /// <returns>The declared configuration.</returns>
    PluginConfig GetConfig();
}
