using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// The part of the Databricks Jobs API 2.1 the notebook plugin needs: submit a one-time run, read it, cancel it. Errors
/// surface as <see cref="DatabricksApiException"/>, carrying the HTTP status and Databricks' error code and message.
/// </summary>
/// <param name="http">The client; its <see cref="HttpClient.BaseAddress"/> is the workspace's URL.</param>
public sealed class NotebookClient(HttpClient http)
{
    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <summary>Submits a one-time run, or finds the run already submitted with the same idempotency token.</summary>
    /// <param name="request">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's id.</returns>
    public async Task<long> SubmitRunAsync(RunsSubmitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var content = JsonContent.Create(request, NotebooksJsonContext.Default.RunsSubmitRequest);
        using var response = await _http.PostAsync(new Uri("api/2.1/jobs/runs/submit", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        var submitted = await ReadAsync(response, "runs/submit", NotebooksJsonContext.Default.RunsSubmitResponse, cancellationToken).ConfigureAwait(false);
        return submitted.RunId;
    }

    /// <summary>Reads a run.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    public async Task<Run> GetRunAsync(long runId, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"api/2.1/jobs/runs/get?run_id={runId}"), UriKind.Relative);
        using var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, "runs/get", NotebooksJsonContext.Default.Run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks Databricks to cancel a run. Cancellation is asynchronous: the run goes through <c>TERMINATING</c> before it is
    /// <c>TERMINATED</c> with <c>CANCELED</c>. Cancelling a run that has ended changes nothing.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Databricks has accepted the request.</returns>
    public async Task CancelRunAsync(long runId, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(new RunsCancelRequest(runId), NotebooksJsonContext.Default.RunsCancelRequest);
        using var response = await _http.PostAsync(new Uri("api/2.1/jobs/runs/cancel", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        await ThrowIfErrorAsync(response, "runs/cancel", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string operation, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await ThrowIfErrorAsync(response, operation, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
            ?? throw new DatabricksApiException(operation, response.StatusCode, null, "the response has no body");
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        DatabricksError? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(NotebooksJsonContext.Default.DatabricksError, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or IOException or HttpRequestException)
        {
            // Not a Databricks error document (a proxy's HTML page, say): the status code still says what happened.
        }

        throw new DatabricksApiException(operation, response.StatusCode, error?.ErrorCode, error?.Message);
    }
}
