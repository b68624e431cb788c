using System.Net;
using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Training;
using AsyncPluginGen.Samples.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AsyncPluginGen.FlyteAgent;

/// <summary>
/// The agent service over the sample plugins: the generated <c>AddAsyncPluginGenSamplesPlugins()</c>, the Flyte agent's
/// gRPC services on one port (plain HTTP/2, as propeller's insecure channel speaks), and a Prometheus scrape endpoint
/// on another (HTTP/1.1). The demo starts one in-process for <c>--via-agent</c>; <see cref="Program"/> runs one.
/// </summary>
public sealed class SampleAgentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleAgentHost(WebApplication app, Uri address, Uri? metrics)
    {
        _app = app;
        Address = address;
        MetricsAddress = metrics;
    }

    /// <summary>The gRPC address, for example <c>http://127.0.0.1:8000/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The Prometheus scrape address (<c>/metrics</c>), or null when metrics are off.</summary>
    public Uri? MetricsAddress { get; }

    /// <summary>The service's container.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the service.</summary>
    /// <param name="settings">Where to listen and what to log.</param>
    /// <param name="clients">The sample plugins' clients, whose base addresses say where the remote services are.</param>
    /// <param name="args">Command-line arguments, read as configuration (for example <c>--FlyteAgent:MaxOutputBytes 1048576</c>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running service.</returns>
    public static async Task<SampleAgentHost> StartAsync(SampleAgentSettings settings, SampleClients clients, string[]? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clients);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(SampleAgentHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (!settings.Logging)
        {
            builder.Logging.ClearProviders();
        }

        // SIGTERM: stop taking calls, report NOT_SERVING, let in-flight calls finish for up to this long.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.DrainTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.Address, settings.Port, o => o.Protocols = HttpProtocols.Http2);
            if (settings.MetricsPort is { } metricsPort)
            {
                kestrel.Listen(settings.Address, metricsPort, o => o.Protocols = HttpProtocols.Http1);
            }
        });

        builder.Services
            .AddSingleton(clients.Warehouse)
            .AddSingleton(clients.Notebooks)
            .AddSingleton(clients.Training)
            .AddAsyncPluginGenSamplesPlugins()
            .AddFlyteAgent(builder.Configuration.GetSection(FlyteAgentOptions.SectionName), settings.ConfigureAgent);
        var telemetry = builder.Services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing.AddSource(AgentActivity.SourceName);

            // Traces leave the process only when a collector is named, as the OpenTelemetry convention has it.
            if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                tracing.AddOtlpExporter();
            }
        });
        if (settings.MetricsPort is not null)
        {
            telemetry.WithMetrics(metrics => metrics.AddMeter(AgentMetrics.MeterName).AddPrometheusExporter());
        }

        var app = builder.Build();
        if (settings.MetricsPort is not null)
        {
            // Only the HTTP/1.1 listener answers scrapes: the gRPC port speaks HTTP/2 alone.
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Protocol == HttpProtocol.Http11 && context.Request.Path == "/metrics");
        }

        app.MapFlyteAgent();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        var grpc = addresses[0];
        var scrape = settings.MetricsPort is null ? null : new Uri(addresses[1], "/metrics");
        return new SampleAgentHost(app, grpc, scrape);
    }

    /// <summary>Waits until the application is told to stop (Ctrl+C, SIGTERM).</summary>
    /// <returns>A task that completes when the service has stopped.</returns>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Where the sample agent listens.</summary>
public sealed record SampleAgentSettings
{
    /// <summary>The address to listen on; any address by default (as in a container).</summary>
    public IPAddress Address { get; init; } = IPAddress.Any;

    /// <summary>The gRPC port; 8000 by default, as flytekit's <c>pyflyte serve connector</c>. 0 picks a free port.</summary>
    public int Port { get; init; } = 8000;

    /// <summary>The Prometheus port; 9090 by default; null for no metrics endpoint.</summary>
    public int? MetricsPort { get; init; } = 9090;

    /// <summary>How long in-flight calls may finish after SIGTERM. Default 30 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the service logs to the console.</summary>
    public bool Logging { get; init; } = true;

    /// <summary>Adjusts the agent's options after configuration binding.</summary>
    public Action<FlyteAgentOptions>? ConfigureAgent { get; init; }
}

/// <summary>The sample plugins' clients.</summary>
/// <param name="Warehouse">The BigQuery-like client.</param>
/// <param name="Notebooks">The Databricks-like client.</param>
/// <param name="Training">The SageMaker-like client.</param>
public sealed record SampleClients(WarehouseClient Warehouse, NotebookClient Notebooks, TrainingClient Training);
