using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using AsyncPluginGen.FlyteAgent;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Notebooks;
using AsyncPluginGen.Samples.FakeServices.Training;
using AsyncPluginGen.Samples.FakeServices.Warehouse;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Training;
using AsyncPluginGen.Samples.Warehouse;
using Microsoft.Extensions.Configuration;

// The sample agent: `dotnet run --project samples/AsyncPluginGen.FlyteAgent` serves the sample plugins on port 8000.
// Settings come from command-line switches, environment variables (FlyteAgent__ResourceMeta__Keys__k1=...) or
// appsettings.json: --port, --metrics-port (0 = off), --warehouse-url, --notebooks-url, --training-url. Without
// service URLs it starts the fake services in-process on 127.0.0.1, so the agent runs on its own.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

var port = configuration.GetValue("port", 8000);
var metricsPort = configuration.GetValue("metrics-port", 9090);
var fakes = new List<FakeService>();
var http = new List<HttpClient>();
try
{
    var clients = new SampleClients(
        new WarehouseClient(await ClientFor("warehouse-url", () => new WarehouseService(new FakeServiceOptions()))),
        new NotebookClient(await ClientFor("notebooks-url", () => new NotebookService(new FakeServiceOptions()))),
        new TrainingClient(await ClientFor("training-url", () => new TrainingService(new FakeServiceOptions()))));

    var settings = new SampleAgentSettings
    {
        Port = port,
        MetricsPort = metricsPort == 0 ? null : metricsPort,
        ConfigureAgent = options =>
        {
            if (options.ResourceMeta.Keys.Count == 0)
            {
                // A development key: fine for one replica on a laptop, but metas die with the process and other
                // replicas cannot read them. Production sets FlyteAgent__ResourceMeta__Keys__<id> on every replica.
                options.ResourceMeta.Keys["dev"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                options.ResourceMeta.ActiveKeyId = "dev";
                Console.Error.WriteLine("warning: no FlyteAgent:ResourceMeta:Keys configured; signing resource_meta with a random development key.");
            }
        },
    };
    await using var agent = await SampleAgentHost.StartAsync(settings, clients, args);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Flyte agent serving the sample plugins at {agent.Address} (metrics: {agent.MetricsAddress?.ToString() ?? "off"}); Ctrl+C to stop."));
    await agent.WaitForShutdownAsync();
    return 0;
}
finally
{
    http.ForEach(c => c.Dispose());
    foreach (var fake in fakes)
    {
        await fake.DisposeAsync();
    }
}

async Task<HttpClient> ClientFor(string key, Func<FakeService> fake)
{
    Uri address;
    if (configuration[key] is { Length: > 0 } url)
    {
        address = new Uri(url);
    }
    else
    {
        var service = fake();
        await service.StartAsync();
        fakes.Add(service);
        address = service.BaseAddress;
        Console.WriteLine($"No --{key}: started the fake {service.Name} service at {address}.");
    }

    var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    http.Add(client);
    return client;
}
