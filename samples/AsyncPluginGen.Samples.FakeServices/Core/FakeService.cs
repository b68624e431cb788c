using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>
/// The base of every fake service: Kestrel on 127.0.0.1 at a port the system picks, a <see cref="RemoteJobLedger"/>,
/// and a request pipeline that counts each call, waits its latency, and injects faults. A derived service maps its
/// API's routes in <see cref="MapRoutes"/> and writes errors in its API's format in <see cref="Error"/>.
/// </summary>
public abstract class FakeService : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _stopped;

    /// <summary>Creates the service; <see cref="StartAsync"/> starts it.</summary>
    /// <param name="name">A short name for reports, such as <c>warehouse</c>.</param>
    /// <param name="idPrefix">Prefix of the ids the service gives its jobs.</param>
    /// <param name="options">Latency, durations, faults, seed and clock.</param>
    protected FakeService(string name, string idPrefix, FakeServiceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        Options = options;
        Ledger = new RemoteJobLedger(options, idPrefix);
    }

    /// <summary>The service's name in reports.</summary>
    public string Name { get; }

    /// <summary>The options it runs with.</summary>
    public FakeServiceOptions Options { get; }

    /// <summary>Its jobs and counters.</summary>
    public RemoteJobLedger Ledger { get; }

    /// <summary>Its base address once started, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the service counted so far.</summary>
    /// <returns>A snapshot.</returns>
    public ServiceStats GetStats() => Ledger.Stats(Name);

    /// <summary>Compares the service's jobs with the client's claims; see <see cref="RemoteJobLedger.Reconcile"/>.</summary>
    /// <param name="outcomes">Every task the client sent to this service.</param>
    /// <returns>The report.</returns>
    public ReconciliationReport Reconcile(IEnumerable<ClientTaskOutcome> outcomes) => Ledger.Reconcile(Name, outcomes);

    /// <summary>Starts Kestrel on the loopback address.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the service listens.</returns>
    /// <exception cref="InvalidOperationException">The service was started before.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException($"The {Name} service was already started.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = GetType().Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0);
        });

        _app = builder.Build();
        MapRoutes(_app);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>Stops the service: requests waiting out their latency end at once, then Kestrel stops.</summary>
    /// <returns>A task that completes when the service has stopped.</returns>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0 || _app is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Maps the API's routes; each handler should go through <see cref="HandleAsync"/>.</summary>
    /// <param name="app">The application to map them on.</param>
    protected abstract void MapRoutes(WebApplication app);

    /// <summary>An error response in the API's own format.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">The API's error code or type, such as <c>RESOURCE_DOES_NOT_EXIST</c>.</param>
    /// <param name="message">A message for people.</param>
    /// <returns>The response.</returns>
    protected abstract IResult Error(int statusCode, string code, string message);

    /// <summary>
    /// Serves one request: counts it, waits the latency, then answers with an injected fault, or runs
    /// <paramref name="handle"/> and writes its result (a <see cref="InjectedFault.LostResponse"/> runs it and then
    /// answers 504 instead).
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="endpoint">Which kind of call it is, for the counters and faults.</param>
    /// <param name="handle">The API's logic; gets a token that ends when the client leaves or the service stops.</param>
    /// <returns>A task that completes when the response is written.</returns>
    protected async Task HandleAsync(HttpContext context, FakeEndpoint endpoint, Func<CancellationToken, ValueTask<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handle);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var ct = linked.Token;
        try
        {
            Ledger.RecordCall(endpoint);
            await Observe(FakeRequestStage.Received, endpoint, context).ConfigureAwait(false);
            await Task.Delay(Ledger.RollLatency(), Options.Time, ct).ConfigureAwait(false);
            IResult result;
            switch (Ledger.RollFault(endpoint))
            {
                case InjectedFault.ServerError:
                    result = Error(StatusCodes.Status500InternalServerError, "INTERNAL", "injected fault: internal error, please retry");
                    break;
                case InjectedFault.Unavailable:
                    result = Error(StatusCodes.Status503ServiceUnavailable, "UNAVAILABLE", "injected fault: the service is temporarily unavailable");
                    break;
                case InjectedFault.Throttled:
                    context.Response.Headers.RetryAfter = "1";
                    result = Error(StatusCodes.Status429TooManyRequests, "RATE_LIMIT_EXCEEDED", "injected fault: too many requests");
                    break;
                case InjectedFault.LostResponse:
                    _ = await handle(ct).ConfigureAwait(false);
                    await Observe(FakeRequestStage.Applied, endpoint, context).ConfigureAwait(false);
                    result = Error(StatusCodes.Status504GatewayTimeout, "DEADLINE_EXCEEDED", "injected fault: the request was applied, but its response was lost");
                    break;
                default:
                    result = await handle(ct).ConfigureAwait(false);
                    await Observe(FakeRequestStage.Applied, endpoint, context).ConfigureAwait(false);
                    break;
            }

            await result.ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away, or the service is stopping: nobody is listening.
            context.Abort();
        }
    }

    private ValueTask Observe(FakeRequestStage stage, FakeEndpoint endpoint, HttpContext context) =>
        Options.OnRequest is { } observer ? observer(stage, endpoint, context) : ValueTask.CompletedTask;

    /// <summary>A route value as a string.</summary>
    /// <param name="context">The request.</param>
    /// <param name="name">The route parameter.</param>
    /// <returns>Its value, or an empty string.</returns>
    protected static string RouteValue(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Convert.ToString(context.Request.RouteValues[name], CultureInfo.InvariantCulture) ?? "";
    }
}
