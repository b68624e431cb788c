using System.Net;
using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Flyte.Tests.Plugins;
using Flyteidl.Service;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Flyte.Tests.Infrastructure;

/// <summary>
/// The agent service over the test plugins on Kestrel at 127.0.0.1 (plain HTTP/2, as propeller's insecure channel
/// speaks it), with a client channel to it. Each test starts its own.
/// </summary>
public sealed class AgentTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentTestServer(WebApplication app, Uri address, FakeJobBackend backend)
    {
        _app = app;
        Address = address;
        Backend = backend;
        Channel = GrpcChannel.ForAddress(address);
        Async = new AsyncAgentService.AsyncAgentServiceClient(Channel);
        Sync = new SyncAgentService.SyncAgentServiceClient(Channel);
        Metadata = new AgentMetadataService.AgentMetadataServiceClient(Channel);
    }

    public Uri Address { get; }

    public FakeJobBackend Backend { get; }

    public GrpcChannel Channel { get; }

    public AsyncAgentService.AsyncAgentServiceClient Async { get; }

    public SyncAgentService.SyncAgentServiceClient Sync { get; }

    public AgentMetadataService.AgentMetadataServiceClient Metadata { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="configure"/> adjusts the agent's options (keys default to <see cref="TestKeys.Primary"/>).</summary>
    public static async Task<AgentTestServer> StartAsync(Action<FlyteAgentOptions>? configure = null, FakeJobBackend? backend = null, Action<IServiceCollection>? services = null)
    {
        backend ??= new FakeJobBackend();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services
            .AddSingleton(backend)
            .AddAsyncPluginGenFlyteTestsPlugins()
            .AddFlyteAgent(configure: options =>
            {
                TestKeys.UsePrimary(options);
                configure?.Invoke(options);
            });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapFlyteAgent();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new AgentTestServer(app, new Uri(address), backend);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
