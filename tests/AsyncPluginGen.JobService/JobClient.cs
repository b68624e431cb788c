using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AsyncPluginGen.JobService;

/// <summary>
/// A typed <see cref="HttpClient"/> wrapper for the job service. Non-success responses throw
/// <see cref="JobServiceException"/>, an <see cref="HttpRequestException"/> carrying the status code (and Retry-After),
/// so callers can tell transient failures (5xx, 429) from permanent ones.
/// </summary>
/// <param name="http">The client; its <see cref="HttpClient.BaseAddress"/> is the service's base address.</param>
public sealed class JobClient(HttpClient http)
{
    /// <summary>The underlying client.</summary>
    public HttpClient Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    /// <summary>Submits a job, or finds the one already submitted with the same key.</summary>
    /// <param name="idempotencyKey">The idempotency key: the same key always gives the same job.</param>
    /// <param name="spec">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    public async Task<JobStatus> CreateAsync(string idempotencyKey, JobSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentNullException.ThrowIfNull(spec);
        using var request = new HttpRequestMessage(HttpMethod.Post, "jobs")
        {
            Content = JsonContent.Create(spec, options: JobJson.Options),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, "create", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a job.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    public async Task<JobStatus> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var response = await Http.GetAsync(JobPath(id), cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, "get", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels a job; cancelling one that has ended changes nothing.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, or null when the service does not know it (already gone).</returns>
    public async Task<JobStatus?> CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var response = await Http.PostAsync(new Uri(JobPath(id) + "/cancel", UriKind.Relative), content: null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync(response, "cancel", cancellationToken).ConfigureAwait(false);
    }

    private static Uri JobPath(string id) => new("jobs/" + Uri.EscapeDataString(id), UriKind.Relative);

    private static async Task<JobStatus> ReadAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            string? detail = null;
            try
            {
                detail = (await response.Content.ReadFromJsonAsync<JobError>(JobJson.Options, cancellationToken).ConfigureAwait(false))?.Error;
            }
            catch (Exception e) when (e is JsonException or HttpRequestException or IOException or NotSupportedException)
            {
                // The body is not an error document: the status code says enough.
            }

            var retryAfter = response.Headers.RetryAfter is { } ra
                ? ra.Delta ?? (ra.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            throw new JobServiceException(operation, response.StatusCode, retryAfter, detail);
        }

        return await response.Content.ReadFromJsonAsync<JobStatus>(JobJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new JobServiceException(operation, response.StatusCode, null, "the response has no body");
    }
}

/// <summary>The job service answered with a non-success status code.</summary>
public sealed class JobServiceException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The call: create, get or cancel.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="retryAfter">The Retry-After the service asked for, if any.</param>
    /// <param name="detail">The service's error message, if any.</param>
    public JobServiceException(string operation, HttpStatusCode statusCode, TimeSpan? retryAfter, string? detail)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"The job service answered {operation} with {(int)statusCode} {statusCode}") +
            (detail is null ? "." : ": " + detail) +
            (retryAfter is { } r ? string.Create(CultureInfo.InvariantCulture, $" Retry after {r.TotalSeconds:0.###} s.") : ""),
            inner: null,
            statusCode)
    {
        Operation = operation;
        RetryAfter = retryAfter;
    }

    /// <summary>The call: create, get or cancel.</summary>
    public string Operation { get; }

    /// <summary>The Retry-After the service asked for, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether a retry may succeed: 5xx, 408 and 429.</summary>
    public bool IsTransient => StatusCode is { } code && ((int)code >= 500 || code is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout);
}
