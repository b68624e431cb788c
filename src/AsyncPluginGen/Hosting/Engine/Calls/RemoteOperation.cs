namespace AsyncPluginGen.Hosting;

/// <summary>A kind of remote call: its rate limiter, span name and metric name.</summary>
/// <param name="Span">The span's operation name; null: no span (the call is part of another operation).</param>
/// <param name="Metric">The <c>operation</c> tag of the duration and error metrics; null: not measured.</param>
/// <param name="Writes">Whether it takes a write permit (else a read permit).</param>
/// <param name="Timeout">Which call timeout applies.</param>
internal sealed record RemoteOperation(string? Span, string? Metric, bool Writes, CallKind Timeout)
{
    public static readonly RemoteOperation Create = new("Create", "create", Writes: true, CallKind.Create);

    public static readonly RemoteOperation Get = new("Get", "get", Writes: false, CallKind.Get);

    public static readonly RemoteOperation GetBatch = new("GetBatch", "get_batch", Writes: false, CallKind.Get);

    public static readonly RemoteOperation Delete = new("Delete", "delete", Writes: true, CallKind.Delete);

    public static readonly RemoteOperation Do = new("Do", "do", Writes: true, CallKind.Do);

    /// <summary>The idempotent Create that finds a job before deleting it: a write, but counted as part of the Delete.</summary>
    public static readonly RemoteOperation RecoverMeta = new(null, null, Writes: true, CallKind.Create);
}
