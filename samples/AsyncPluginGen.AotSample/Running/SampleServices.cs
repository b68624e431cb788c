using System.Diagnostics;
using AsyncPluginGen.AotSample.Reporting;
using AsyncPluginGen.Samples.Warehouse;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.AotSample.Running;

/// <summary>
/// The application's services: the warehouse client, the sample plugins through their generated
/// <c>AddAsyncPluginGenSamplesPlugins()</c>, and the plugin host through <c>AddPluginHost</c>. Building them and
/// resolving the host is the "registry cold start" that <c>--timings</c> reports.
/// </summary>
internal static class SampleServices
{
    /// <summary>
    /// The shortest resync Flyte allows. The plugin declares 10 s; 5 s ends the run sooner. Every task is read right
    /// after its Create too (the host's SyncOnCreate), so a run takes about one resync.
    /// </summary>
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Builds the services, then resolves the <see cref="PluginCatalog"/> (the generated registry and its plugin
    /// descriptors) and the <see cref="PluginHost"/> (which validates every plugin's configuration), timing each step.
    /// </summary>
    /// <param name="http">The client the warehouse plugin calls through; its base address may be set later, before the first task.</param>
    /// <returns>The container (which owns the host), the host, and the time of each step.</returns>
    public static (ServiceProvider Provider, PluginHost Host, RegistryTimings Timings) Start(HttpClient http)
    {
        var started = Stopwatch.GetTimestamp();
        var provider = new ServiceCollection()
            .AddSingleton(new WarehouseClient(http))
            .AddAsyncPluginGenSamplesPlugins()
            .AddPluginHost(Configure)
            .BuildServiceProvider();
        var built = Stopwatch.GetTimestamp();
        _ = provider.GetRequiredService<PluginCatalog>();
        var catalog = Stopwatch.GetTimestamp();
        var host = provider.GetRequiredService<PluginHost>();
        var resolved = Stopwatch.GetTimestamp();
        return (provider, host, new RegistryTimings(
            Stopwatch.GetElapsedTime(started, built),
            Stopwatch.GetElapsedTime(built, catalog),
            Stopwatch.GetElapsedTime(catalog, resolved)));
    }

    private static void Configure(PluginHostOptions options)
    {
        options.CreateRetries = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        options.DeleteRetries = new RetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        options.Plugins[nameof(WarehouseQueryPlugin)] = new PluginConfigOverride { ResyncInterval = ResyncInterval };
    }
}
