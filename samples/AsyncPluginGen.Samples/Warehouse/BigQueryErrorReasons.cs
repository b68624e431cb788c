namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>The <c>reason</c> codes of BigQuery errors that the plugin tells apart (see BigQuery's "Error messages" page).</summary>
public static class BigQueryErrorReasons
{
    /// <summary>The job was cancelled.</summary>
    public const string Stopped = "stopped";

    /// <summary>A transient error in BigQuery's back end; BigQuery advises a retry.</summary>
    public const string BackendError = "backendError";

    /// <summary>An internal error in BigQuery; BigQuery advises a retry.</summary>
    public const string InternalError = "internalError";

    /// <summary>The job was created, then failed with an error in BigQuery's back end.</summary>
    public const string JobBackendError = "jobBackendError";

    /// <summary>The job was created, then failed with an internal error in BigQuery.</summary>
    public const string JobInternalError = "jobInternalError";

    /// <summary>Whether a job that ended with <paramref name="reason"/> failed through no fault of its query.</summary>
    /// <param name="reason">The error's reason.</param>
    /// <returns>True for BigQuery's own errors.</returns>
    public static bool IsBackendFailure(string? reason) => reason is BackendError or InternalError or JobBackendError or JobInternalError;
}
