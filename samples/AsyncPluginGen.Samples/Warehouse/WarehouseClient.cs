using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>
/// A small client for BigQuery's jobs API (REST v2): insert a query job, read it, cancel it. Error responses throw
/// <see cref="BigQueryApiException"/>, with BigQuery's message in the text.
/// </summary>
/// <param name="http">The client; its <see cref="HttpClient.BaseAddress"/> is the API's root, for example <c>https://bigquery.googleapis.com/</c>.</param>
public sealed class WarehouseClient(HttpClient http)
{
    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <summary>Inserts a query job (<c>jobs.insert</c>) under the id the caller chose.</summary>
    /// <param name="job">The project and the job id.</param>
    /// <param name="query">The SQL, in BigQuery's standard dialect.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new job.</returns>
    /// <exception cref="BigQueryApiException">BigQuery refused; 409 with status <c>ALREADY_EXISTS</c> when the id is taken.</exception>
    public async Task<BigQueryJob> InsertQueryJobAsync(BigQueryJobReference job, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var body = new BigQueryJobInsert(job, new BigQueryJobConfiguration(new BigQueryQueryConfiguration(query)));
        using var content = JsonContent.Create(body, WarehouseJsonContext.Default.BigQueryJobInsert);
        using var response = await _http.PostAsync(JobsUri(job.ProjectId), content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, "jobs.insert", job, WarehouseJsonContext.Default.BigQueryJob, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a job (<c>jobs.get</c>).</summary>
    /// <param name="job">The project and the job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="BigQueryApiException">BigQuery refused; 404 when the project has no such job.</exception>
    public async Task<BigQueryJob> GetJobAsync(BigQueryJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var response = await _http.GetAsync(JobUri(job), cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, "jobs.get", job, WarehouseJsonContext.Default.BigQueryJob, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks BigQuery to cancel a job (<c>jobs.cancel</c>). BigQuery accepts this for a job that has ended too, and changes
    /// nothing; a cancelled job stays RUNNING until it has stopped.
    /// </summary>
    /// <param name="job">The project and the job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job right after the request, or null when BigQuery does not know it.</returns>
    /// <exception cref="BigQueryApiException">BigQuery refused for another reason than an unknown job.</exception>
    public async Task<BigQueryJob?> CancelJobAsync(BigQueryJobReference job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var response = await _http.PostAsync(JobUri(job, "/cancel"), content: null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var cancelled = await ReadAsync(response, "jobs.cancel", job, WarehouseJsonContext.Default.BigQueryJobCancelResponse, cancellationToken).ConfigureAwait(false);
        return cancelled.Job;
    }

    // Relative to the base address, so a base address with a path prefix (a proxy, an emulator) keeps it.
    private static Uri JobsUri(string projectId) =>
        new("bigquery/v2/projects/" + Uri.EscapeDataString(projectId) + "/jobs", UriKind.Relative);

    private static Uri JobUri(BigQueryJobReference job, string method = "") =>
        new("bigquery/v2/projects/" + Uri.EscapeDataString(job.ProjectId) + "/jobs/" + Uri.EscapeDataString(job.JobId) + method, UriKind.Relative);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string operation, BigQueryJobReference job, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            BigQueryErrorBody? error = null;
            try
            {
                error = (await response.Content.ReadFromJsonAsync(WarehouseJsonContext.Default.BigQueryErrorResponse, cancellationToken).ConfigureAwait(false))?.Error;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or IOException)
            {
                // Not Google's error document (a proxy's page, an empty body): the status code says enough.
            }

            throw new BigQueryApiException(operation, job, response.StatusCode, error?.Status, error?.Message);
        }

        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
            ?? throw new BigQueryApiException(operation, job, response.StatusCode, null, "the response has no body");
    }
}
