using System.Diagnostics;
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

    /// <summary>Builds the services and resolves the host, timing both.</summary>
    /// <param name="http">The client the warehouse plugin calls through; its base address may be set later, before the first task.</param>
    /// <returns>The container (which owns the host), the host, and how long building and resolving took.</returns>
    public static (ServiceProvider Provider, PluginHost Host, TimeSpan Build, TimeSpan Resolve) Start(HttpClient http)
    {
        var started = Stopwatch.GetTimestamp();
        var provider = new ServiceCollection()
            .AddSingleton(new WarehouseClient(http))
            .AddAsyncPluginGenSamplesPlugins()
            .AddPluginHost(Configure)
            .BuildServiceProvider();
        var built = Stopwatch.GetElapsedTime(started);
        var host = provider.GetRequiredService<PluginHost>();
        var resolved = Stopwatch.GetElapsedTime(started);
        return (provider, host, built, resolved - built);
    }

    private static void Configure(PluginHostOptions options)
    {
        options.CreateRetries = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        options.DeleteRetries = new RetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        options.Plugins[nameof(WarehouseQueryPlugin)] = new PluginConfigOverride { ResyncInterval = ResyncInterval };
    }
}
