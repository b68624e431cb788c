using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncPluginGen.JobService;

/// <summary>The job states the service reports.</summary>
public static class JobStates
{
    /// <summary>Accepted, not started.</summary>
    public const string Pending = "PENDING";

    /// <summary>Running.</summary>
    public const string Running = "RUNNING";

    /// <summary>Finished successfully. Terminal.</summary>
    public const string Done = "DONE";

    /// <summary>Finished with an error. Terminal.</summary>
    public const string Failed = "FAILED";

    /// <summary>Cancelled before it finished. Terminal.</summary>
    public const string Cancelled = "CANCELLED";

    /// <summary>Whether <paramref name="state"/> is terminal.</summary>
    /// <param name="state">A state.</param>
    /// <returns>True for DONE, FAILED and CANCELLED.</returns>
    public static bool IsTerminal(string? state) => state is Done or Failed or Cancelled;
}

/// <summary>The body of <c>POST /jobs</c>.</summary>
public sealed class JobSpec
{
    /// <summary>How long the job runs once started, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Whether the job ends FAILED instead of DONE.</summary>
    public bool Fail { get; init; }

    /// <summary>The error message of a failing job; a default message when empty.</summary>
    public string? Error { get; init; }

    /// <summary>Any JSON value the job reports as its output once DONE.</summary>
    public JsonElement? Output { get; init; }
}

/// <summary>A job as the service reports it: the body of every successful response.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="State">One of <see cref="JobStates"/>.</param>
/// <param name="Error">The error of a FAILED job.</param>
/// <param name="Output">The output of a DONE job.</param>
public sealed record JobStatus(
    string Id,
    [property: PhaseSource] string State,
    [property: PhaseMessage] string? Error = null,
    JsonElement? Output = null);

/// <summary>The body of error responses.</summary>
/// <param name="Error">What went wrong.</param>
public sealed record JobError(string Error);

/// <summary>One job as the service holds it, for tests.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="IdempotencyKey">The key it was created with.</param>
/// <param name="State">Its state at the snapshot.</param>
/// <param name="CreatedAt">When it was created (service clock).</param>
/// <param name="EndedAt">When it ended (finished or cancelled), if it has.</param>
/// <param name="CancelRequests">How many cancel requests reached it.</param>
public sealed record JobSnapshot(string Id, string IdempotencyKey, string State, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, int CancelRequests);

/// <summary>Everything the service counted, at one instant of its clock.</summary>
public sealed record JobServiceStats
{
    /// <summary>The service's clock at the snapshot.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Requests received per endpoint, faulted ones included.</summary>
    public required IReadOnlyDictionary<JobEndpoint, long> Calls { get; init; }

    /// <summary>The most requests per endpoint received within any 1-second window (service clock).</summary>
    public required IReadOnlyDictionary<JobEndpoint, int> MaxCallsPerSecond { get; init; }

    /// <summary>The most reads (GET) received within any 1-second window.</summary>
    public required int MaxReadsPerSecond { get; init; }

    /// <summary>The most writes (create and cancel) received within any 1-second window.</summary>
    public required int MaxWritesPerSecond { get; init; }

    /// <summary>
    /// The most reads received within any 5-second window. A rate limit shows here with little blur from scheduling
    /// jitter, which can move a request across a 1-second boundary but rarely across five.
    /// </summary>
    public required int MaxReadsPer5Seconds { get; init; }

    /// <summary>The most writes received within any 5-second window.</summary>
    public required int MaxWritesPer5Seconds { get; init; }

    /// <summary>Jobs created in all.</summary>
    public required int JobsCreated { get; init; }

    /// <summary>Jobs PENDING or RUNNING at the snapshot. Once every client task has ended, each one is a leak.</summary>
    public required int LiveJobs { get; init; }

    /// <summary>The most jobs PENDING or RUNNING at the same instant, over the service's life so far.</summary>
    public required int MaxConcurrentLiveJobs { get; init; }

    /// <summary>Jobs CANCELLED at the snapshot.</summary>
    public required int CancelledJobs { get; init; }

    /// <summary>Jobs DONE or FAILED at the snapshot.</summary>
    public required int FinishedJobs { get; init; }

    /// <summary>Jobs created per idempotency key (1 for every key, by construction).</summary>
    public required IReadOnlyDictionary<string, int> JobsPerKey { get; init; }

    /// <summary>Create requests handled per idempotency key (above 1 when a client retried).</summary>
    public required IReadOnlyDictionary<string, int> CreateRequestsPerKey { get; init; }

    /// <summary>Keys with more than one job: must be 0.</summary>
    public int DuplicateKeys => JobsPerKey.Values.Count(n => n > 1);

    /// <summary>Create requests that found the key's job already there (client retries of a create).</summary>
    public int IdempotentReplays => CreateRequestsPerKey.Values.Sum(n => n - 1);

    /// <summary>Faults injected, by kind.</summary>
    public required IReadOnlyDictionary<FaultKind, int> Faults { get; init; }

    /// <summary>Faults injected in all.</summary>
    public int TotalFaults => Faults.Values.Sum();

    /// <summary>Faults of <paramref name="kind"/> (0 when none).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    public int FaultCount(FaultKind kind) => Faults.TryGetValue(kind, out var n) ? n : 0;

    /// <summary>Requests received on <paramref name="endpoint"/> (0 when none).</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The count.</returns>
    public long CallCount(JobEndpoint endpoint) => Calls.TryGetValue(endpoint, out var n) ? n : 0;
}

/// <summary>The JSON settings of the service and its client.</summary>
public static class JobJson
{
    /// <summary>camelCase, case-insensitive reads, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
