using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Net;
using System.Security.Cryptography;
using AsyncPluginGen.Demo.Cli;
using AsyncPluginGen.Flyte.Client;
using AsyncPluginGen.FlyteAgent;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Notebooks;
using AsyncPluginGen.Samples.FakeServices.Training;
using AsyncPluginGen.Samples.FakeServices.Warehouse;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Training;
using AsyncPluginGen.Samples.Warehouse;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Demo.Running;

/// <summary>
/// Everything a run needs: the three fake services on 127.0.0.1, an <see cref="HttpClient"/> per service, the sample
/// plugins registered through the generated <c>AddAsyncPluginGenSamplesPlugins()</c>, and a <see cref="PluginHost"/>.
/// </summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    private static readonly JsonSerializerOptions InputJson = new(JsonSerializerDefaults.Web);

    private readonly List<FakeService> _services;
    private readonly List<HttpClient> _clients;
    private readonly ServiceProvider _provider;
    private readonly SampleAgentHost? _agent;

    private DemoEnvironment(List<FakeService> services, List<HttpClient> clients, ServiceProvider provider, SampleAgentHost? agent, PluginHost host, HostMetricsTap metrics, IReadOnlyList<SampleLane> lanes)
    {
        _agent = agent;
        _services = services;
        _clients = clients;
        _provider = provider;
        Host = host;
        Metrics = metrics;
        Lanes = lanes;
    }

    public PluginHost Host { get; }

    public HostMetricsTap Metrics { get; }

    public IReadOnlyList<SampleLane> Lanes { get; }

    /// <summary>Tasks an earlier run left in flight, re-adopted from the task store.</summary>
    public IReadOnlyList<TaskHandle> Recovered { get; private init; } = [];

    public static async Task<DemoEnvironment> StartAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var warehouse = new WarehouseService(ServiceOptions(options, 1));
        var notebooks = new NotebookService(ServiceOptions(options, 2));
        var training = new TrainingService(ServiceOptions(options, 3));
        List<FakeService> services = [warehouse, notebooks, training];
        List<HttpClient> clients = [];
        ServiceProvider? provider = null;
        SampleAgentHost? agent = null;
        try
        {
            foreach (var service in services)
            {
                await service.StartAsync(cancellationToken).ConfigureAwait(false);
                clients.Add(new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) });
            }

            var sampleClients = new SampleClients(new WarehouseClient(clients[0]), new NotebookClient(clients[1]), new TrainingClient(clients[2]));
            var lanes = CreateLanes(warehouse, notebooks, training);
            var collection = new ServiceCollection().AddMetrics();
            if (options.ViaAgent)
            {
                // The plugins run in the agent service; the host reaches them only through the agent protocol.
                agent = await SampleAgentHost.StartAsync(AgentSettings(), sampleClients, cancellationToken: cancellationToken).ConfigureAwait(false);
                collection.AddRemoteAgent(remote => ConfigureRemote(remote, agent.Address, lanes));
            }
            else
            {
                collection
                    .AddSingleton(sampleClients.Warehouse)
                    .AddSingleton(sampleClients.Notebooks)
                    .AddSingleton(sampleClients.Training)
                    .AddAsyncPluginGenSamplesPlugins();
            }

            provider = collection.BuildServiceProvider();
            var meters = provider.GetRequiredService<IMeterFactory>();
            var metrics = new HostMetricsTap(meters);
            var store = options.StorePath is { } path ? new SqliteTaskStore(new SqliteTaskStoreOptions { Path = path }) : null;
            var host = new PluginHost(provider.GetRequiredService<PluginCatalog>(), provider, HostOptions(lanes), meterFactory: meters, store: store);
            try
            {
                // With a store: opens it and re-adopts what an earlier run left in flight (a kill, or a stop).
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var recovered = host.GetTasks().Where(static t => t.IsRecovered).ToArray();
            return new DemoEnvironment(services, clients, provider, agent, host, metrics, lanes) { Recovered = recovered };
        }
        catch
        {
            if (provider is not null)
            {
                await provider.DisposeAsync().ConfigureAwait(false);
            }

            if (agent is not null)
            {
                await agent.DisposeAsync().ConfigureAwait(false);
            }

            clients.ForEach(c => c.Dispose());
            foreach (var service in services)
            {
                await service.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync().ConfigureAwait(false);
        Metrics.Dispose();
        await _provider.DisposeAsync().ConfigureAwait(false);
        if (_agent is not null)
        {
            await _agent.DisposeAsync().ConfigureAwait(false);
        }

        _clients.ForEach(c => c.Dispose());
        foreach (var service in _services)
        {
            await service.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The agent on 127.0.0.1 at a free port, quiet, with a signing key of this run.</summary>
    private static SampleAgentSettings AgentSettings() => new()
    {
        Address = IPAddress.Loopback,
        Port = 0,
        MetricsPort = null,
        Logging = false,
        ConfigureAgent = agent =>
        {
            agent.ResourceMeta.Keys["demo"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            agent.ResourceMeta.ActiveKeyId = "demo";
        },
    };

    /// <summary>
    /// One remote category per lane, known to the host by the lane's plugin id (so overrides, metrics and the summary
    /// read the same), limited as the sample plugin itself declares.
    /// </summary>
    private static void ConfigureRemote(RemoteAgentOptions remote, Uri agent, IReadOnlyList<SampleLane> lanes)
    {
        using var samples = new ServiceCollection().AddAsyncPluginGenSamplesPlugins().BuildServiceProvider();
        var declared = samples.GetRequiredService<PluginCatalog>();
        remote.Endpoint = agent;
        foreach (var lane in lanes)
        {
            var descriptor = declared.GetDescriptor(lane.TaskType);
            remote.TaskCategories.Add(new RemoteTaskCategory { TaskType = lane.TaskType, Version = descriptor.Version, PluginId = lane.PluginId, Config = descriptor.Config });
        }
    }

    /// <summary>Short jobs and quick services, so about 1,000 tasks finish in well under a minute.</summary>
    private static FakeServiceOptions ServiceOptions(DemoOptions options, int salt) => new()
    {
        Seed = HashCode.Combine(options.Seed, salt),
        FaultRate = options.FaultRate,
        JobFailureRate = 0.05,
        MinLatency = TimeSpan.FromMilliseconds(2),
        MaxLatency = TimeSpan.FromMilliseconds(15),
        PendingDuration = TimeSpan.FromMilliseconds(300),
        MinJobDuration = TimeSpan.FromMilliseconds(500),
        MaxJobDuration = TimeSpan.FromSeconds(4),
        StopDuration = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>
    /// The host as a production deployment would run it, with retry backoffs shortened for the demo and the shortest
    /// resync Flyte allows (5 s), so a task's next Get comes soon after its job ends.
    /// </summary>
    private static PluginHostOptions HostOptions(IReadOnlyList<SampleLane> lanes)
    {
        var options = new PluginHostOptions
        {
            CreateRetries = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2) },
            DeleteRetries = new RetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2) },
        };
        foreach (var lane in lanes.Where(l => !l.IsSync))
        {
            options.Plugins[lane.PluginId] = new PluginConfigOverride { ResyncInterval = TimeSpan.FromSeconds(5) };
        }

        return options;
    }

    private static SampleLane[] CreateLanes(WarehouseService warehouse, NotebookService notebooks, TrainingService training) =>
    [
        new(
            "warehouse",
            nameof(WarehouseQueryPlugin),
            WarehouseQueryPlugin.TaskType,
            0.40,
            IsSync: false,
            (random, i) => Inputs(new WarehouseQueryInputs(SampleQueries[random.Next(SampleQueries.Length)])),
            WarehouseQueryPlugin.KeyFor,
            warehouse),
        new(
            "notebooks",
            nameof(NotebookRunPlugin),
            NotebookRunPlugin.TaskType,
            0.25,
            IsSync: false,
            (random, i) => Inputs(new NotebookRunInputs("/Repos/analytics/daily_features", new Dictionary<string, string> { ["partition"] = $"2026-11-{1 + (i % 27):D2}" })),
            NotebookRunPlugin.KeyFor,
            notebooks),
        new(
            "training",
            nameof(TrainingJobPlugin),
            TrainingJobPlugin.TaskType,
            0.25,
            IsSync: false,
            (random, i) => random.Next(20) == 0
                ? Inputs(new TrainingJobInputs(TrainingService.PyTorchImage, "ml.p3.2xlarge")) // GPU: a quota of 8 at a time
                : Inputs(new TrainingJobInputs(TrainingService.XGBoostImage, "ml.m5.xlarge")),
            TrainingJobPlugin.KeyFor,
            training),
        new(
            "image check",
            nameof(TrainingImageCheckPlugin),
            TrainingImageCheckPlugin.TaskType,
            0.10,
            IsSync: true,
            (random, i) => Inputs(new TrainingImageCheckInputs(random.Next(10) == 0 ? "docker.io/library/unknown:latest" : TrainingService.XGBoostImage)),
            null,
            training),
    ];

    private static readonly string[] SampleQueries =
    [
        "SELECT country, COUNT(*) AS orders FROM shop.orders GROUP BY country",
        "SELECT DATE(created_at) AS day, SUM(total) FROM shop.orders GROUP BY day ORDER BY day",
        "SELECT user_id, MAX(last_seen) FROM analytics.sessions GROUP BY user_id",
    ];

    private static JsonElement Inputs<T>(T value) => JsonSerializer.SerializeToElement(value, InputJson);
}
