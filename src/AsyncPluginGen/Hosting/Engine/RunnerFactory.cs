namespace AsyncPluginGen.Hosting;

/// <summary>Recovers a plugin's type arguments once, through the visitor, so its runner works on the typed interface.</summary>
internal sealed class RunnerFactory(PluginConfig config, HostContext host) : IAsyncPluginVisitor<PluginRunner>
{
    public PluginRunner Visit<TMeta, TResource>(IAsyncPlugin<TMeta, TResource> plugin)
        where TMeta : notnull
        where TResource : notnull =>
        new AsyncPluginRunner<TMeta, TResource>(plugin, config, host);
}
