using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Training;
using AsyncPluginGen.Samples.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.FlyteAgent;

#pragma warning disable CS1591 // shown in docs/flyte-agent.md as it is here; a test keeps the two identical

// <snippet:MinimalAgent>
public static class MinimalAgent
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var port = builder.Configuration.GetValue("port", 8000);

        // Propeller's insecure channel speaks HTTP/2 without TLS ("h2c"): the port must accept HTTP/2 only.
        builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services
            .AddSingleton(new WarehouseClient(new HttpClient { BaseAddress = new Uri(builder.Configuration["warehouse-url"]!) }))
            .AddSingleton(new NotebookClient(new HttpClient { BaseAddress = new Uri(builder.Configuration["notebooks-url"]!) }))
            .AddSingleton(new TrainingClient(new HttpClient { BaseAddress = new Uri(builder.Configuration["training-url"]!) }))
            .AddAsyncPluginGenSamplesPlugins()   // generated: every [AsyncPlugin] and [SyncPlugin] of the assembly
            .AddFlyteAgent(builder.Configuration.GetSection(FlyteAgentOptions.SectionName));

        var app = builder.Build();
        app.MapFlyteAgent();                     // the three agent services, grpc.health.v1 and reflection
        return app;
    }
}
// </snippet:MinimalAgent>
