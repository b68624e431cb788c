using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.JobService;

/// <summary>
/// A small job service on Kestrel, bound to 127.0.0.1 on a port the system picks. Endpoints (JSON):
/// <list type="bullet">
/// <item><c>POST /jobs</c> with an <c>Idempotency-Key</c> header and a <see cref="JobSpec"/> body: 201 with the new job,
/// or 200 with the key's existing job (never a second one).</item>
/// <item><c>GET /jobs/{id}</c>: 200 with the job, 404 when unknown.</item>
/// <item><c>POST /jobs/{id}/cancel</c>: 200 with the job, cancelled unless it had already ended; 404 when unknown.</item>
/// </list>
/// Latency and faults come from <see cref="JobServiceOptions"/>; the counters from <see cref="GetStats"/>.
/// </summary>
public sealed class JobService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly JobStore _store;
    private readonly CancellationTokenSource _stopping = new();
    private int _stopped;

    private JobService(WebApplication app, JobStore store, JobServiceOptions options)
    {
        _app = app;
        _store = store;
        Options = options;
    }

    /// <summary>The service's base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The options the service runs with.</summary>
    public JobServiceOptions Options { get; }

    /// <summary>Requests currently held in a latency delay or a timeout hold.</summary>
    public int HeldRequests => _store.HeldRequests;

    /// <summary>Starts a service.</summary>
    /// <param name="options">Its behaviour; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running service; dispose it to stop it.</returns>
    public static async Task<JobService> StartAsync(JobServiceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new JobServiceOptions();
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(JobService).Assembly.GetName().Name,
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

        var app = builder.Build();
        var store = new JobStore(options);
        var service = new JobService(app, store, options);
        app.MapPost("/jobs", new RequestDelegate(service.CreateAsync));
        app.MapGet("/jobs/{id}", new RequestDelegate(service.GetAsync));
        app.MapPost("/jobs/{id}/cancel", new RequestDelegate(service.CancelAsync));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        if (!IPAddress.IsLoopback(IPAddress.Parse(service.BaseAddress.Host)))
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The job service bound to {address}, not to the loopback address.");
        }

        return service;
    }

    /// <summary>A client for this service's base address.</summary>
    /// <param name="timeout">The client's timeout; default 100 s.</param>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateHttpClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SentAtHandler(Options.Time)) { BaseAddress = BaseAddress };
        if (timeout is { } t)
        {
            client.Timeout = t;
        }

        return client;
    }

    /// <summary>Everything counted so far, at the service clock's current instant.</summary>
    /// <returns>A snapshot.</returns>
    public JobServiceStats GetStats() => _store.Snapshot();

    /// <summary>Every job, in creation order.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<JobSnapshot> GetJobs() => _store.Jobs();

    /// <summary>One job by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The job, or null.</returns>
    public JobSnapshot? GetJob(string id) => _store.JobById(id);

    /// <summary>The job created with an idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <returns>The job, or null.</returns>
    public JobSnapshot? GetJobByKey(string idempotencyKey) => _store.JobByKey(idempotencyKey);

    /// <summary>
    /// The jobs still PENDING or RUNNING although the client's task for their key has ended: leaks.
    /// </summary>
    /// <param name="endedKeys">The idempotency keys of the client tasks that have ended.</param>
    /// <returns>The leaked jobs.</returns>
    public IReadOnlyList<JobSnapshot> FindLeaks(IEnumerable<string> endedKeys)
    {
        var ended = endedKeys.ToHashSet(StringComparer.Ordinal);
        return _store.Jobs().Where(j => !JobStates.IsTerminal(j.State) && ended.Contains(j.IdempotencyKey)).ToArray();
    }

    /// <summary>Completes once at least <paramref name="count"/> requests are held in a latency delay or timeout hold.</summary>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes then.</returns>
    public Task WaitForHeldRequestsAsync(int count, CancellationToken cancellationToken = default) =>
        _store.WaitForHeldAsync(count, cancellationToken);

    /// <summary>Stops the service: held requests end at once, then Kestrel stops.</summary>
    /// <returns>A task that completes when the service has stopped.</returns>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
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
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task CreateAsync(HttpContext context)
    {
        await HandleAsync(context, JobEndpoint.Create, async ct =>
        {
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            if (string.IsNullOrWhiteSpace(key))
            {
                return Outcome.Error(StatusCodes.Status400BadRequest, "the Idempotency-Key header is required");
            }

            JobSpec? spec;
            try
            {
                spec = await JsonSerializer.DeserializeAsync<JobSpec>(context.Request.Body, JobJson.Options, ct).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return Outcome.Error(StatusCodes.Status400BadRequest, "the body is not a job: " + e.Message);
            }

            if (spec is null || spec.DurationMs < 0)
            {
                return Outcome.Error(StatusCodes.Status400BadRequest, "the body must be a job with durationMs >= 0");
            }

            var (status, created) = _store.GetOrCreate(key, spec);
            return Outcome.Ok(created ? StatusCodes.Status201Created : StatusCodes.Status200OK, status);
        }).ConfigureAwait(false);
    }

    private Task GetAsync(HttpContext context) =>
        HandleAsync(context, JobEndpoint.Get, _ =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            return Task.FromResult(_store.Find(id) is { } status
                ? Outcome.Ok(StatusCodes.Status200OK, status)
                : Outcome.Error(StatusCodes.Status404NotFound, $"no job '{id}'"));
        });

    private Task CancelAsync(HttpContext context) =>
        HandleAsync(context, JobEndpoint.Cancel, _ =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            return Task.FromResult(_store.Cancel(id) is { } status
                ? Outcome.Ok(StatusCodes.Status200OK, status)
                : Outcome.Error(StatusCodes.Status404NotFound, $"no job '{id}'"));
        });

    private static DateTimeOffset? SentAt(HttpContext context) =>
        context.Request.Headers.TryGetValue(SentAtHandler.HeaderName, out var value)
        && long.TryParse(value.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    /// <summary>Counts the call, waits the latency, then fails it, handles it, or handles it and loses the answer.</summary>
    private async Task HandleAsync(HttpContext context, JobEndpoint endpoint, Func<CancellationToken, Task<Outcome>> handle)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var ct = linked.Token;
        try
        {
            _store.RecordCall(endpoint, SentAt(context));
            await HoldAsync(_store.RollLatency(), ct).ConfigureAwait(false);

            var fault = _store.RollFault(endpoint);
            switch (fault)
            {
                case FaultKind.ServerError:
                    await WriteAsync(context, Outcome.Error(StatusCodes.Status500InternalServerError, "injected fault: internal error"), ct).ConfigureAwait(false);
                    return;
                case FaultKind.TooManyRequests:
                    var seconds = (int)Math.Ceiling(Options.RetryAfter.TotalSeconds);
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    await WriteAsync(context, Outcome.Error(StatusCodes.Status429TooManyRequests, "injected fault: too many requests"), ct).ConfigureAwait(false);
                    return;
            }

            var outcome = await handle(ct).ConfigureAwait(false);
            if (fault == FaultKind.Timeout)
            {
                // The work is done; the client gives up before it hears about it. The hold ends when it disconnects.
                await HoldAsync(Options.TimeoutHold, ct).ConfigureAwait(false);
            }
            else if (fault == FaultKind.DroppedResponse && outcome.IsSuccess)
            {
                await DropAsync(context, outcome, ct).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, outcome, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away, or the service is stopping: nobody is listening.
            context.Abort();
        }
    }

    private async Task HoldAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        // The timer is registered with the clock before the hold is announced, so a test that advances a fake clock on
        // that signal cannot move time before the delay exists.
        var delayed = Task.Delay(delay, Options.Time, cancellationToken);
        _store.EnterHold();
        try
        {
            await delayed.ConfigureAwait(false);
        }
        finally
        {
            _store.ExitHold();
        }
    }

    private async Task DropAsync(HttpContext context, Outcome outcome, CancellationToken cancellationToken)
    {
        if (Options.DroppedResponseMode == DroppedResponseMode.ServiceUnavailable)
        {
            await WriteAsync(context, Outcome.Error(StatusCodes.Status503ServiceUnavailable, "injected fault: upstream response lost"), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Status line, headers and half the body, then the connection dies: response bytes were received, so the
        // client's handler cannot retry the request by itself, and the caller sees an I/O error.
        var body = JsonSerializer.SerializeToUtf8Bytes(outcome.Status, JobJson.Options);
        context.Response.StatusCode = outcome.StatusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        context.Abort();
    }

    private static async Task WriteAsync(HttpContext context, Outcome outcome, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = outcome.StatusCode;
        context.Response.ContentType = "application/json";
        if (outcome.Status is { } status)
        {
            await JsonSerializer.SerializeAsync(context.Response.Body, status, JobJson.Options, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await JsonSerializer.SerializeAsync(context.Response.Body, new JobError(outcome.ErrorMessage ?? ""), JobJson.Options, cancellationToken).ConfigureAwait(false);
        }
    }

    private readonly record struct Outcome(int StatusCode, JobStatus? Status, string? ErrorMessage)
    {
        public bool IsSuccess => StatusCode is >= 200 and < 300;

        public static Outcome Ok(int statusCode, JobStatus status) => new(statusCode, status, null);

        public static Outcome Error(int statusCode, string message) => new(statusCode, null, message);
    }
}
