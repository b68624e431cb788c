using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsyncPluginGen.Samples.FakeServices.Notebooks;

/// <summary>
/// A stand-in for the Databricks Jobs API 2.1 one-time runs: <c>POST runs/submit</c>, <c>GET runs/get?run_id=</c>,
/// <c>POST runs/cancel</c>, with Databricks' JSON names, states and error format. Runs are the ledger's jobs:
/// pending is <c>PENDING</c>, running is <c>RUNNING</c>, a cancelled run is <c>TERMINATING</c> for
/// <see cref="FakeServiceOptions.StopDuration"/> and then <c>TERMINATED</c> with <c>CANCELED</c>.
/// </summary>
public sealed class NotebookService : FakeService
{
    /// <summary>Databricks' code for an unknown run.</summary>
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";

    /// <summary>Databricks' code for a request with a bad field.</summary>
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";

    /// <summary>Databricks' code for a body that is not the JSON expected.</summary>
    public const string MalformedRequest = "MALFORMED_REQUEST";

    private const string SubmitPath = "/api/2.1/jobs/runs/submit";
    private const string GetPath = "/api/2.1/jobs/runs/get";
    private const string CancelPath = "/api/2.1/jobs/runs/cancel";

    private readonly RunIds _runIds = new();

    /// <summary>Creates the service; <see cref="FakeService.StartAsync"/> starts it.</summary>
    /// <param name="options">Latency, durations, faults, seed and clock.</param>
    public NotebookService(FakeServiceOptions options)
        : base("notebooks", "run-", options)
    {
    }

    /// <summary>The numeric run id the service gave (or will give) a ledger job, for tests that look behind the API.</summary>
    /// <param name="job">A job of <see cref="FakeService.Ledger"/>.</param>
    /// <returns>Its run id.</returns>
    public long RunIdOf(RemoteJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _runIds.RunIdOf(job.Id);
    }

    /// <summary>The ledger job behind a run id.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns>The job, or null when the service never gave out that id.</returns>
    public RemoteJob? FindRun(long runId) => _runIds.JobIdOf(runId) is { } jobId ? Ledger.Find(jobId) : null;

    /// <inheritdoc />
    protected override void MapRoutes(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(SubmitPath, context => HandleAsync(context, FakeEndpoint.Create, ct => SubmitAsync(context, ct)));
        app.MapGet(GetPath, context => HandleAsync(context, FakeEndpoint.Get, _ => ValueTask.FromResult(Get(context))));
        app.MapPost(CancelPath, context => HandleAsync(context, FakeEndpoint.Cancel, ct => CancelAsync(context, ct)));
    }

    /// <inheritdoc />
    protected override IResult Error(int statusCode, string code, string message) =>
        Results.Json(new DatabricksErrorBody(DatabricksCode(code), message), NotebookServiceJsonContext.Default.DatabricksErrorBody, statusCode: statusCode);

    // The core's injected faults use generic codes; Databricks has its own names for the same failures.
    private static string DatabricksCode(string code) => code switch
    {
        "INTERNAL" => "INTERNAL_ERROR",
        "UNAVAILABLE" => "TEMPORARILY_UNAVAILABLE",
        "RATE_LIMIT_EXCEEDED" => "REQUEST_LIMIT_EXCEEDED",
        _ => code,
    };

    private async ValueTask<IResult> SubmitAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(context, NotebookServiceJsonContext.Default.RunsSubmitBody, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Error(StatusCodes.Status400BadRequest, MalformedRequest, "Invalid JSON given in the body of the request: expected a runs/submit object.");
        }

        if (body.FindProblem() is { } problem)
        {
            return Error(StatusCodes.Status400BadRequest, InvalidParameterValue, problem);
        }

        // Without a token Databricks starts a new run on every call; the ledger needs a key, so the run gets a unique one.
        var key = body.IdempotencyToken ?? "untokened-" + Guid.NewGuid().ToString("N");
        var (job, _) = Ledger.GetOrCreate(key, body);
        return Results.Json(new RunsSubmitReply(_runIds.RunIdOf(job.Id)), NotebookServiceJsonContext.Default.RunsSubmitReply);
    }

    private IResult Get(HttpContext context)
    {
        var runIdText = context.Request.Query["run_id"].ToString();
        if (!long.TryParse(runIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
        {
            return Error(StatusCodes.Status400BadRequest, InvalidParameterValue, runIdText.Length == 0
                ? "Missing required parameter: run_id."
                : $"run_id must be a run's numeric id, not '{runIdText}'.");
        }

        return FindRun(runId) is { } job
            ? Results.Json(View(job, runId), NotebookServiceJsonContext.Default.RunView)
            : RunNotFound(runId);
    }

    private async ValueTask<IResult> CancelAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(context, NotebookServiceJsonContext.Default.RunsCancelBody, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Error(StatusCodes.Status400BadRequest, MalformedRequest, "Invalid JSON given in the body of the request: expected { \"run_id\": <number> }.");
        }

        if (body.RunId is not { } runId)
        {
            return Error(StatusCodes.Status400BadRequest, InvalidParameterValue, "Missing required field: run_id.");
        }

        // Cancelling a run that has ended is accepted and changes nothing, as on Databricks.
        return _runIds.JobIdOf(runId) is { } jobId && Ledger.Cancel(jobId) is not null
            ? Results.Json(new Dictionary<string, string>(), NotebookServiceJsonContext.Default.DictionaryStringString)
            : RunNotFound(runId);
    }

    private IResult RunNotFound(long runId) =>
        Error(StatusCodes.Status404NotFound, ResourceDoesNotExist, string.Create(CultureInfo.InvariantCulture, $"Run {runId} does not exist."));

    private RunView View(RemoteJob job, long runId)
    {
        var submitted = job.Payload as RunsSubmitBody;
        var (lifeCycle, result, message) = job.State switch
        {
            RemoteJobState.Pending => ("PENDING", null, "Waiting for cluster"),
            RemoteJobState.Running => ("RUNNING", null, "In run"),
            RemoteJobState.Succeeded => ("TERMINATED", "SUCCESS", ""),
            RemoteJobState.Failed => ("TERMINATED", "FAILED", job.FailureMessage ?? "Workload failed, see run output for details"),
            RemoteJobState.Stopping => ("TERMINATING", null, "Run cancellation requested"),
            RemoteJobState.Stopped => ("TERMINATED", (string?)"CANCELED", "Run cancelled"),
            _ => throw new InvalidOperationException($"Unknown ledger state {job.State}."),
        };
        var ended = job.State is RemoteJobState.Succeeded or RemoteJobState.Failed or RemoteJobState.Stopped;
        return new RunView(
            runId,
            submitted?.RunName ?? "Untitled",
            new RunStateView(lifeCycle, result, message),
            string.Create(CultureInfo.InvariantCulture, $"{BaseAddress}#run/{runId}"),
            job.CreatedAt.ToUnixTimeMilliseconds(),
            ended ? (job.EndedAt ?? job.At).ToUnixTimeMilliseconds() : 0);
    }

    private static async ValueTask<T?> ReadBodyAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null; // The caller answers MALFORMED_REQUEST, as Databricks does.
        }
    }
}
