namespace AsyncPluginGen.Hosting;

/// <summary>
/// How long one remote call may take before the host gives up on it: the call's token is cancelled, and the worker stops
/// waiting for it even when the plugin ignores its token. A timed-out call is a transient failure (Get: counted toward
/// <c>MaxSystemFailures</c>; Create, Do and Delete: retried). A batched Get uses <see cref="Get"/>. The limit counts
/// from the call's start and applies once the call returns a task that has not completed: a call that blocks its thread
/// and returns completed cannot be stopped waiting for, so its token is not cancelled meanwhile (make remote calls
/// asynchronous).
/// </summary>
public sealed class CallTimeouts
{
    /// <summary>
    /// The allowed range of each timeout: 1 ms to 1 hour. A longer call holds a worker for longer than any resync or
    /// retry policy can usefully wait; the task's own timeout covers longer jobs.
    /// </summary>
    public static readonly ValueRange<TimeSpan> Range = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));

    /// <summary>Create (and the idempotent Create that finds a job before its Delete). Default 60 s.</summary>
    public TimeSpan Create { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Get, single or batched. Default 30 s: a poll is cheap, and a slower one stalls a polling worker.</summary>
    public TimeSpan Get { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delete. Default 60 s.</summary>
    public TimeSpan Delete { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A sync plugin's Do, which does the whole job in one call. Default 5 minutes.</summary>
    public TimeSpan Do { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The timeout of <paramref name="operation"/>.</summary>
    internal TimeSpan For(RemoteOperation operation) => operation.Timeout switch
    {
        CallKind.Create => Create,
        CallKind.Get => Get,
        CallKind.Delete => Delete,
        _ => Do,
    };

    /// <summary>A copy, so the host is not affected by later changes to the options.</summary>
    internal CallTimeouts Clone() => new() { Create = Create, Get = Get, Delete = Delete, Do = Do };
}
