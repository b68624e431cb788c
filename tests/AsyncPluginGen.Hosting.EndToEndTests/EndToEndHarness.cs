using System.Text.Json;
using AsyncPluginGen.JobService;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Hosting.EndToEndTests;

/// <summary>
/// The job service on 127.0.0.1, a <see cref="JobClient"/> over a real <see cref="HttpClient"/>, the generated
/// <see cref="JobPlugin"/> registered through the generated registry, and a <see cref="PluginHost"/> driving it.
/// </summary>
internal sealed class EndToEndHarness : IAsyncDisposable
{
    public const string PluginId = "JobPlugin";

    private readonly ServiceProvider _provider;
    private readonly HttpClient _http;

    private EndToEndHarness(JobService.JobService service, HttpClient http, ServiceProvider provider, PluginHost host, InMemoryResourceManager resources)
    {
        Service = service;
        _http = http;
        _provider = provider;
        Host = host;
        Resources = resources;
    }

    public JobService.JobService Service { get; }

    public PluginHost Host { get; }

    public InMemoryResourceManager Resources { get; }

    public static async Task<EndToEndHarness> StartAsync(JobServiceOptions serviceOptions, PluginHostOptions hostOptions, TimeSpan httpTimeout, DelegatingHandler? handler = null)
    {
        var service = await JobService.JobService.StartAsync(serviceOptions).WaitAsync(TimeSpan.FromSeconds(15));
        HttpMessageHandler inner = new SocketsHttpHandler();
        if (handler is not null)
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        // Stamps the send time, so the service measures rates by when the host issued each request.
        var http = new HttpClient(new SentAtHandler(serviceOptions.Time, inner)) { BaseAddress = service.BaseAddress, Timeout = httpTimeout };
        var provider = new ServiceCollection()
            .AddSingleton(new JobClient(http))
            .AddAsyncPluginGenJobServicePlugins()
            .BuildServiceProvider();
        var resources = new InMemoryResourceManager();
        var host = new PluginHost(provider.GetRequiredService<PluginCatalog>(), provider, hostOptions, resources);
        return new EndToEndHarness(service, http, provider, host, resources);
    }

    public static TaskContext Job(string execution, string node, long durationMs, bool fail = false) =>
        new(JobPlugin.TaskType, new TaskExecutionId("e2e", "development", execution, node))
        {
            Inputs = JsonSerializer.SerializeToElement(new { durationMs, fail, error = fail ? "the job failed on purpose" : null }),
        };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _provider.DisposeAsync();
        _http.Dispose();
        await Service.DisposeAsync();
    }
}

/// <summary>Reports each failed <c>POST /jobs</c> of the client: the moment a Create response was lost.</summary>
internal sealed class CreateFailureSignal : DelegatingHandler
{
    private readonly TaskCompletionSource _firstFailure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failures;

    public Task FirstFailure => _firstFailure.Task;

    public int Failures => Volatile.Read(ref _failures);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isCreate = request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == "/jobs";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (isCreate)
            {
                // Read the body here, so a response cut off mid-body fails inside this handler.
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    Failed();
                }
            }

            return response;
        }
        catch when (isCreate)
        {
            Failed();
            throw;
        }
    }

    private void Failed()
    {
        Interlocked.Increment(ref _failures);
        _firstFailure.TrySetResult();
    }
}
