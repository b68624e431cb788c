using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>
/// Runs a SQL query as a BigQuery job. The job id is derived from the task's unique name, so BigQuery itself refuses a
/// second job for the same task: a retried Create that meets 409 <c>ALREADY_EXISTS</c> adopts the job an earlier attempt
/// started (perhaps one whose response was lost), which is how BigQuery's own client libraries retry inserts.
/// Inputs: <see cref="WarehouseQueryInputs"/>.
/// </summary>
/// <remarks>
/// BigQuery reports every ended job as DONE and puts failure and cancellation in <c>errorResult</c>;
/// <see cref="BigQueryJob.Outcome"/> folds both into one string, so the phase mapping stays declarative and the
/// generated Status allocation-free. The limits follow BigQuery's quotas: at most 100 API requests per second per
/// user and method, and a few hundred interactive queries per project running or queued at once.
/// </remarks>
/// <param name="client">The BigQuery client.</param>
[AsyncPlugin(TaskType)]
[PhaseMapping(BigQueryJobStates.Pending, TaskPhase.Queued)]
[PhaseMapping(BigQueryJobStates.Running, TaskPhase.Running)]
[PhaseMapping(BigQueryJobStates.Done, TaskPhase.Success)]
[PhaseMapping(BigQueryJobStates.Failed, TaskPhase.PermanentFailure, Code = "QueryFailed")]
[PhaseMapping(BigQueryJobStates.BackendFailed, TaskPhase.RetryableFailure, Code = "BigQueryBackendError", Kind = ExecutionErrorKind.System)]
[PhaseMapping(BigQueryJobStates.Cancelled, TaskPhase.Aborted)]
// DONE is BigQuery's only end state, so a state added later can only come before it: keep polling.
[DefaultPhase(TaskPhase.Running)]
[RateLimits(ReadQps = 100, ReadBurst = 200, WriteQps = 50, WriteBurst = 100)]
[ResourceQuota(QuotaNamespace, 300)]
// Interactive queries mostly end within seconds; polling every 10 s rather than 30 s ends tasks sooner.
[Caching(ResyncSeconds = 10)]
public sealed partial class WarehouseQueryPlugin(WarehouseClient client)
{
    /// <summary>The task type the plugin serves.</summary>
    public const string TaskType = "warehouse_query";

    /// <summary>The quota namespace its tasks take a token from.</summary>
    public const string QuotaNamespace = "bigquery";

    /// <summary>The project that runs queries whose inputs name none.</summary>
    public const string DefaultProjectId = "demo-project";

    /// <summary>The BigQuery job id of <paramref name="task"/>: its unique name, made a valid job id when it is not one.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The job id, which the service uses as the task's idempotency key.</returns>
    public static string KeyFor(TaskContext task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return BigQueryJobIds.From(task.UniqueName);
    }

    /// <summary>Inserts the query job, or adopts the one an earlier attempt inserted.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job's reference, which the host keeps as the ResourceMeta, and its state, so the host maps the phase at once.</returns>
    /// <exception cref="ArgumentException">The inputs are not a valid <see cref="WarehouseQueryInputs"/>.</exception>
    public async Task<Created<BigQueryJobReference, BigQueryJob>> CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        var inputs = ReadInputs(task);
        var reference = new BigQueryJobReference(inputs.ProjectId ?? DefaultProjectId, KeyFor(task));
        BigQueryJob job;
        try
        {
            job = await client.InsertQueryJobAsync(reference, inputs.Query, cancellationToken).ConfigureAwait(false);
        }
        catch (BigQueryApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // An earlier attempt inserted it, even if its answer never arrived: this task's job is that one.
            job = await client.GetJobAsync(reference, cancellationToken).ConfigureAwait(false);
        }

        return Created.With(reference, job);
    }

    /// <summary>Reads the job.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its state.</returns>
    public Task<BigQueryJob> GetAsync(BigQueryJobReference job, CancellationToken cancellationToken) =>
        client.GetJobAsync(job, cancellationToken);

    /// <summary>Cancels the job. BigQuery accepts a cancel for a job that has ended, and an unknown job has nothing to stop.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when BigQuery has accepted the cancel.</returns>
    public Task DeleteAsync(BigQueryJobReference job, CancellationToken cancellationToken) =>
        client.CancelJobAsync(job, cancellationToken);

    private static WarehouseQueryInputs ReadInputs(TaskContext task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Inputs.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The inputs of task {task.UniqueName} must be a JSON object with a 'query', not {task.Inputs.ValueKind}.", nameof(task));
        }

        WarehouseQueryInputs? inputs;
        try
        {
            inputs = task.Inputs.Deserialize(WarehouseJsonContext.Default.WarehouseQueryInputs);
        }
        catch (JsonException e)
        {
            // The message names the offending field by its JSON path, such as $.query.
            throw new ArgumentException($"The inputs of task {task.UniqueName} are not valid: {e.Message}", nameof(task), e);
        }

        if (string.IsNullOrWhiteSpace(inputs?.Query))
        {
            throw new ArgumentException($"The inputs of task {task.UniqueName} need a 'query': the SQL to run.", nameof(task));
        }

        if (inputs.ProjectId is { } project && !ProjectIdPattern().IsMatch(project))
        {
            throw new ArgumentException(
                $"The 'projectId' of task {task.UniqueName} is not a Google Cloud project id: '{project}' (6 to 30 lowercase letters, digits or hyphens, starting with a letter).",
                nameof(task));
        }

        return inputs;
    }

    // Google Cloud project ids, optionally scoped by a domain as old projects are ("example.com:analytics").
    [GeneratedRegex("^([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectIdPattern();
}
