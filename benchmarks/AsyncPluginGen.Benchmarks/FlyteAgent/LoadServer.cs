using System.Net;
using System.Security.Cryptography;
using AsyncPluginGen.Flyte.Agent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Benchmarks.FlyteAgent;

/// <summary>A gRPC server on 127.0.0.1 (h2c), either the bare service or the agent over <see cref="BenchJobPlugin"/>, with the same Kestrel settings.</summary>
internal sealed class LoadServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoadServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static Task<LoadServer> StartBareAsync() => StartAsync(services => services.AddGrpc(), app => app.MapGrpcService<BareAgentService>());

    public static Task<LoadServer> StartAgentAsync() => StartAsync(
        services => services
            .AddAsyncPluginRegistry(new SinglePluginRegistry(PluginDescriptor.Of<BenchJobPlugin>()))
            .AddFlyteAgent(configure: options =>
            {
                options.ResourceMeta.Keys["bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                options.ResourceMeta.ActiveKeyId = "bench";
            }),
        app => app.MapFlyteAgent());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<LoadServer> StartAsync(Action<IServiceCollection> services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        services(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoadServer(app, new Uri(address));
    }
}
