namespace AsyncPluginGen.JobService;

/// <summary>How the job service behaves: its clock, its latency and the faults it injects.</summary>
public sealed class JobServiceOptions
{
    /// <summary>The service's clock: job progress, latency, holds and rate windows all use it. Default: the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a job stays PENDING before it is RUNNING. Default 0: running at once.</summary>
    public TimeSpan PendingDuration { get; init; }

    /// <summary>The fixed latency added to every request before it is handled (a delay on <see cref="Time"/>).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>A random extra latency, uniform in [0, <see cref="LatencyJitter"/>), added to <see cref="Latency"/>.</summary>
    public TimeSpan LatencyJitter { get; init; }

    /// <summary>The seed of the random source that decides faults and jitter.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The probability that a request is answered 500 without being handled.</summary>
    public double ServerErrorProbability { get; init; }

    /// <summary>The probability that a request is answered 429 with a Retry-After header without being handled.</summary>
    public double TooManyRequestsProbability { get; init; }

    /// <summary>The Retry-After sent with 429 (whole seconds; rounded up). Default 1 s.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The probability that a request is handled (the job created, read or cancelled) but its response held for
    /// <see cref="TimeoutHold"/>, longer than the client waits. The hold ends early when the client disconnects.
    /// </summary>
    public double TimeoutProbability { get; init; }

    /// <summary>How long a timed-out response is held (on <see cref="Time"/>). Default 5 minutes.</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The probability that a create request creates the job (or finds the existing one) but its response is lost:
    /// see <see cref="DroppedResponseMode"/>. Applies to <c>POST /jobs</c> only.
    /// </summary>
    public double DroppedResponseProbability { get; init; }

    /// <summary>How a dropped response reaches the client. Default: the connection is aborted mid-response.</summary>
    public DroppedResponseMode DroppedResponseMode { get; init; } = DroppedResponseMode.AbortConnection;

    /// <summary>The endpoints faults apply to. Default: all.</summary>
    public JobEndpoints FaultEndpoints { get; init; } = JobEndpoints.All;

    /// <summary>Stop injecting faults after this many; null for no limit. Lets a test fail exactly the first calls.</summary>
    public int? MaxFaults { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A probability is outside [0, 1], their sum above 1, or a duration negative.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Time);
        Probability(ServerErrorProbability, nameof(ServerErrorProbability));
        Probability(TooManyRequestsProbability, nameof(TooManyRequestsProbability));
        Probability(TimeoutProbability, nameof(TimeoutProbability));
        Probability(DroppedResponseProbability, nameof(DroppedResponseProbability));
        var sum = ServerErrorProbability + TooManyRequestsProbability + TimeoutProbability + DroppedResponseProbability;
        if (sum > 1 + 1e-9)
        {
            throw new ArgumentException($"The fault probabilities add up to {sum}, more than 1.", nameof(JobServiceOptions));
        }

        NotNegative(PendingDuration, nameof(PendingDuration));
        NotNegative(Latency, nameof(Latency));
        NotNegative(LatencyJitter, nameof(LatencyJitter));
        NotNegative(RetryAfter, nameof(RetryAfter));
        NotNegative(TimeoutHold, nameof(TimeoutHold));
    }

    private static void Probability(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentException($"{name} must be in [0, 1]; got {value}.", name);
        }
    }

    private static void NotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must not be negative; got {value}.", name);
        }
    }
}

/// <summary>How the service loses the response of a create it performed.</summary>
public enum DroppedResponseMode
{
    /// <summary>Send the status line, headers and part of the body, then abort the connection: the client sees an I/O error.</summary>
    AbortConnection,

    /// <summary>Answer 503, as a gateway that lost the upstream's answer would.</summary>
    ServiceUnavailable,
}

/// <summary>The service's endpoints.</summary>
public enum JobEndpoint
{
    /// <summary><c>POST /jobs</c>: a write.</summary>
    Create,

    /// <summary><c>GET /jobs/{id}</c>: a read.</summary>
    Get,

    /// <summary><c>POST /jobs/{id}/cancel</c>: a write.</summary>
    Cancel,
}

/// <summary>A set of endpoints.</summary>
[Flags]
public enum JobEndpoints
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><c>POST /jobs</c>.</summary>
    Create = 1,

    /// <summary><c>GET /jobs/{id}</c>.</summary>
    Get = 2,

    /// <summary><c>POST /jobs/{id}/cancel</c>.</summary>
    Cancel = 4,

    /// <summary>Every endpoint.</summary>
    All = Create | Get | Cancel,
}

/// <summary>A fault the service injected.</summary>
public enum FaultKind
{
    /// <summary>500 without handling the request.</summary>
    ServerError,

    /// <summary>429 with Retry-After without handling the request.</summary>
    TooManyRequests,

    /// <summary>Handled, then the response held past the client's timeout.</summary>
    Timeout,

    /// <summary>A create performed, then its response lost.</summary>
    DroppedResponse,
}
