using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsyncPluginGen.Samples.FakeServices.Warehouse;

/// <summary>
/// A stand-in for the BigQuery jobs API (REST v2), reduced to query jobs:
/// <list type="bullet">
/// <item><c>POST /bigquery/v2/projects/{projectId}/jobs</c> (<c>jobs.insert</c>): 200 with the new job; 409
/// <c>ALREADY_EXISTS</c> when the job id is taken, which is how BigQuery answers a retried insert; 400 for a missing or
/// malformed job id or query.</item>
/// <item><c>GET /bigquery/v2/projects/{projectId}/jobs/{jobId}</c> (<c>jobs.get</c>): 200 with the job; 404 when the
/// project has no such job.</item>
/// <item><c>POST /bigquery/v2/projects/{projectId}/jobs/{jobId}/cancel</c> (<c>jobs.cancel</c>): 200 with a
/// <c>bigquery#jobCancelResponse</c> whether or not the job had ended; 404 when the project has no such job.</item>
/// </list>
/// A job is PENDING, then RUNNING, then DONE; a failed job is DONE with an <c>errorResult</c>, and a cancelled one is
/// RUNNING until it has stopped and then DONE with reason <c>stopped</c>. The client-chosen job id is the ledger's
/// idempotency key, so job ids are unique across projects here, where BigQuery only needs them unique in a project.
/// </summary>
/// <param name="options">Latency, durations, faults, seed and clock.</param>
public sealed class WarehouseService(FakeServiceOptions options) : FakeService("warehouse", "bqjob_", options)
{
    private const string JobsRoute = "/bigquery/v2/projects/{projectId}/jobs";
    private const int MaxJobIdLength = 1024;
    private const string Done = "DONE";

    /// <inheritdoc />
    protected override void MapRoutes(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(JobsRoute, new RequestDelegate(c => HandleAsync(c, FakeEndpoint.Create, ct => InsertAsync(c, ct))));
        app.MapGet(JobsRoute + "/{jobId}", new RequestDelegate(c => HandleAsync(c, FakeEndpoint.Get, _ => ValueTask.FromResult(Get(c)))));
        app.MapPost(JobsRoute + "/{jobId}/cancel", new RequestDelegate(c => HandleAsync(c, FakeEndpoint.Cancel, _ => ValueTask.FromResult(Cancel(c)))));
    }

    /// <inheritdoc />
    protected override IResult Error(int statusCode, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorBody(statusCode, message, CanonicalStatus(code))), WarehouseJsonContext.Default.ErrorResponse, statusCode: statusCode);

    // Google APIs name throttling RESOURCE_EXHAUSTED; the other codes the core injects are canonical already.
    private static string CanonicalStatus(string code) => code == "RATE_LIMIT_EXCEEDED" ? "RESOURCE_EXHAUSTED" : code;

    private async ValueTask<IResult> InsertAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var projectId = RouteValue(context, "projectId");
        JobInsertRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, WarehouseJsonContext.Default.JobInsertRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return BadRequest("Invalid JSON payload received. " + e.Message);
        }

        if (request?.JobReference is not { JobId: { Length: > 0 } jobId } reference)
        {
            // BigQuery would make up an id, but then a retried insert starts a second job; this fake insists on the
            // pattern a reliable client uses.
            return BadRequest("Required parameter is missing: jobReference.jobId");
        }

        if (!IsValidJobId(jobId))
        {
            return BadRequest($"Invalid job ID \"{jobId}\". Job IDs must be alphanumeric (plus underscores and dashes) and must be at most {MaxJobIdLength} characters long.");
        }

        if (reference.ProjectId is { } bodyProject && bodyProject != projectId)
        {
            return BadRequest($"Invalid project ID \"{bodyProject}\": the job reference and the request path ({projectId}) name different projects.");
        }

        if (string.IsNullOrWhiteSpace(request.Configuration?.Query?.Query))
        {
            return BadRequest("Required parameter is missing: configuration.query.query");
        }

        var stored = request with { JobReference = new JobReference(projectId, jobId) };
        var (job, created) = Ledger.GetOrCreate(jobId, stored);
        return created
            ? Results.Json(ToResource(job), WarehouseJsonContext.Default.JobResource)
            : Error(StatusCodes.Status409Conflict, "ALREADY_EXISTS", $"Already Exists: Job {projectId}:{jobId}");
    }

    private IResult Get(HttpContext context)
    {
        var (projectId, jobId) = (RouteValue(context, "projectId"), RouteValue(context, "jobId"));
        return Find(projectId, jobId) is { } job
            ? Results.Json(ToResource(job), WarehouseJsonContext.Default.JobResource)
            : NotFound(projectId, jobId);
    }

    private IResult Cancel(HttpContext context)
    {
        var (projectId, jobId) = (RouteValue(context, "projectId"), RouteValue(context, "jobId"));
        return Find(projectId, jobId) is { } job && Ledger.Cancel(job.Id) is { } cancelled
            ? Results.Json(new JobCancelResponse("bigquery#jobCancelResponse", ToResource(cancelled)), WarehouseJsonContext.Default.JobCancelResponse)
            : NotFound(projectId, jobId);
    }

    private RemoteJob? Find(string projectId, string jobId) =>
        Ledger.FindByKey(jobId) is { Payload: JobInsertRequest { JobReference.ProjectId: var owner } } job && owner == projectId ? job : null;

    private IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", message);

    private IResult NotFound(string projectId, string jobId) => Error(StatusCodes.Status404NotFound, "NOT_FOUND", $"Not found: Job {projectId}:{jobId}");

    private static bool IsValidJobId(string jobId) =>
        jobId.Length <= MaxJobIdLength && jobId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static JobResource ToResource(RemoteJob job)
    {
        var inserted = (JobInsertRequest)job.Payload!;
        var reference = inserted.JobReference!;
        var state = job.State switch
        {
            RemoteJobState.Pending => "PENDING",
            // BigQuery keeps a cancelled job RUNNING until it has actually stopped.
            RemoteJobState.Running or RemoteJobState.Stopping => "RUNNING",
            _ => Done,
        };
        var error = job.State switch
        {
            // A query that fails at run time (a division by zero, an ERROR() call) is reported as invalidQuery.
            RemoteJobState.Failed => new ErrorProto("invalidQuery", job.FailureMessage ?? "Query error"),
            RemoteJobState.Stopped => new ErrorProto("stopped", "Job execution was cancelled: User requested cancellation"),
            _ => null,
        };
        return new JobResource(
            "bigquery#job",
            reference.ProjectId + ":" + reference.JobId,
            reference,
            inserted.Configuration!,
            new JobStatus(state, error, error is null ? null : [error]),
            new JobStatistics(
                Millis(job.CreatedAt),
                job.StartedAt is { } started ? Millis(started) : null,
                state == Done && job.EndedAt is { } ended ? Millis(ended) : null));
    }

    private static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
