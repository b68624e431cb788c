using System.Globalization;
using System.Net;

namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// Databricks answered with an error. An <see cref="HttpRequestException"/> with <see cref="HttpRequestException.StatusCode"/>
/// set, so the host retries 5xx, 408 and 429 and gives up on the rest; <see cref="ErrorCode"/> lets the plugin tell
/// "no such run" from other client errors.
/// </summary>
public sealed class DatabricksApiException : HttpRequestException
{
    /// <summary>The error code of a run (or other object) that does not exist.</summary>
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";

    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The call, such as <c>runs/submit</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">Databricks' <c>error_code</c>, when the body had one.</param>
    /// <param name="detail">Databricks' <c>message</c>, when the body had one.</param>
    public DatabricksApiException(string operation, HttpStatusCode statusCode, string? errorCode, string? detail)
        : base(Describe(operation, statusCode, errorCode, detail), inner: null, statusCode)
    {
        Operation = operation;
        ErrorCode = errorCode;
    }

    /// <summary>The call, such as <c>runs/submit</c>.</summary>
    public string Operation { get; }

    /// <summary>Databricks' <c>error_code</c>, when the body had one.</summary>
    public string? ErrorCode { get; }

    private static string Describe(string operation, HttpStatusCode statusCode, string? errorCode, string? detail) =>
        string.Create(CultureInfo.InvariantCulture, $"Databricks answered {operation} with {(int)statusCode} {statusCode}")
        + (errorCode is null ? "" : " " + errorCode)
        + (string.IsNullOrEmpty(detail) ? "." : ": " + detail);
}
