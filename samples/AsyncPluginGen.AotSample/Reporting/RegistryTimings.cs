namespace AsyncPluginGen.AotSample.Reporting;

/// <summary>The registry cold start, step by step: what a host application pays before its first task.</summary>
/// <param name="BuildProvider">Building the service provider with the generated <c>AddAsyncPluginGenSamplesPlugins()</c> and <c>AddPluginHost</c>.</param>
/// <param name="ResolveCatalog">Resolving the <see cref="PluginCatalog"/>: the generated registry, its plugin descriptors and their declared configuration.</param>
/// <param name="ResolveHost">Resolving the <see cref="PluginHost"/>: options, metrics, quota manager, and validating each plugin's configuration.</param>
public sealed record RegistryTimings(TimeSpan BuildProvider, TimeSpan ResolveCatalog, TimeSpan ResolveHost)
{
    /// <summary>All three steps.</summary>
    public TimeSpan Total => BuildProvider + ResolveCatalog + ResolveHost;
}
