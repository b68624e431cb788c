using System.Globalization;
using System.Net;

namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>
/// BigQuery answered with an error. An <see cref="HttpRequestException"/> with its <see cref="HttpRequestException.StatusCode"/>
/// set, so the host retries 5xx and 429 and gives up on the rest; <see cref="Status"/> tells the 4xx cases apart.
/// </summary>
public sealed class BigQueryApiException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The call, such as <c>jobs.insert</c>.</param>
    /// <param name="job">The job it was about.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="status">The canonical status from the body, such as <c>ALREADY_EXISTS</c>, when there was one.</param>
    /// <param name="message">BigQuery's message from the body, when there was one.</param>
    public BigQueryApiException(string operation, BigQueryJobReference job, HttpStatusCode statusCode, string? status, string? message)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"BigQuery answered {operation} for job {job.ProjectId}:{job.JobId} with {(int)statusCode} {status ?? statusCode.ToString()}")
                + (string.IsNullOrEmpty(message) ? "." : ": " + message),
            inner: null,
            statusCode)
    {
        Operation = operation;
        Job = job;
        Status = status;
    }

    /// <summary>The call, such as <c>jobs.insert</c>.</summary>
    public string Operation { get; }

    /// <summary>The job it was about.</summary>
    public BigQueryJobReference Job { get; }

    /// <summary>The canonical status from the body, such as <c>ALREADY_EXISTS</c> or <c>NOT_FOUND</c>, when there was one.</summary>
    public string? Status { get; }
}
