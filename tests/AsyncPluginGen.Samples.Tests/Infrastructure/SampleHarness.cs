using AsyncPluginGen.Samples.FakeServices;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Samples.Tests.Infrastructure;

/// <summary>
/// A started fake service, an <see cref="HttpClient"/> on its base address, a service provider built by the test, and a
/// <see cref="PluginHost"/> over the provider's plugin catalog. Real time: tests wait on task completions with a bounded
/// <see cref="Task.WaitAsync(TimeSpan)"/>, never on sleeps.
/// </summary>
/// <typeparam name="TService">The fake service.</typeparam>
internal sealed class SampleHarness<TService> : IAsyncDisposable
    where TService : FakeService
{
    private readonly ServiceProvider _provider;

    private SampleHarness(TService service, HttpClient http, ServiceProvider provider, PluginHost host)
    {
        Service = service;
        Http = http;
        _provider = provider;
        Host = host;
    }

    public TService Service { get; }

    public HttpClient Http { get; }

    public PluginHost Host { get; }

    public IServiceProvider Services => _provider;

    /// <summary>Starts <paramref name="service"/>, registers what <paramref name="register"/> adds, and creates the host.</summary>
    /// <param name="service">The fake service, not yet started.</param>
    /// <param name="register">Registers the client (given the service's <see cref="HttpClient"/>) and the plugins.</param>
    /// <param name="hostOptions">Host options; fast defaults (100 ms tick, no Create backoff beyond 200 ms) when null.</param>
    public static async Task<SampleHarness<TService>> StartAsync(TService service, Action<IServiceCollection, HttpClient> register, PluginHostOptions? hostOptions = null)
    {
        await service.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));
        var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var services = new ServiceCollection();
        register(services, http);
        var provider = services.BuildServiceProvider();
        var host = new PluginHost(provider.GetRequiredService<PluginCatalog>(), provider, hostOptions ?? FastHostOptions());
        return new SampleHarness<TService>(service, http, provider, host);
    }

    /// <summary>Host options that keep tests quick: short retry backoffs and a 5 s resync (the shortest Flyte allows).</summary>
    public static PluginHostOptions FastHostOptions()
    {
        var options = new PluginHostOptions
        {
            TickInterval = TimeSpan.FromMilliseconds(50),
            CreateRetries = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
            DeleteRetries = new RetryPolicy { MaxAttempts = 8, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };
        return options;
    }

    /// <summary>Waits for the task to end, failing the test after <paramref name="timeout"/> (default 30 s).</summary>
    public static Task<TaskResult> CompletedAsync(TaskHandle handle, TimeSpan? timeout = null) =>
        handle.Completion.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _provider.DisposeAsync();
        Http.Dispose();
        await Service.DisposeAsync();
    }
}
