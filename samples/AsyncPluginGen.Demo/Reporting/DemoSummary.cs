using System.Text.Json.Serialization;

namespace AsyncPluginGen.Demo.Reporting;

/// <summary>The result of a demo run: what <c>--json</c> prints, and what the summary tables show.</summary>
/// <param name="Tasks">Tasks planned.</param>
/// <param name="Submitted">Tasks submitted to the host (fewer than planned only when the run was interrupted).</param>
/// <param name="Seed">The seed.</param>
/// <param name="FaultRate">Probability of an injected fault per call.</param>
/// <param name="AbortFraction">Fraction of tasks aborted mid-flight.</param>
/// <param name="ElapsedSeconds">Wall-clock time of the run.</param>
/// <param name="Plugins">One entry per plugin.</param>
/// <param name="Total">All plugins together.</param>
/// <param name="Services">What each fake service counted and found on reconciliation.</param>
/// <param name="Leaked">Remote jobs still running with no task left to stop them, summed over the services. Must be 0.</param>
/// <param name="Lost">Tasks that never ended or whose claimed outcome the service contradicts, summed over the services. Must be 0.</param>
/// <param name="ViaAgent">Whether the host reached the plugins through the Flyte agent protocol (<c>--via-agent</c>).</param>
internal sealed record DemoSummary(
    int Tasks,
    int Submitted,
    int Seed,
    double FaultRate,
    double AbortFraction,
    double ElapsedSeconds,
    IReadOnlyList<PluginSummary> Plugins,
    PluginSummary Total,
    IReadOnlyList<ServiceSummary> Services,
    int Leaked,
    int Lost,
    bool ViaAgent = false)
{
    /// <summary>Tasks an earlier run left in flight, recovered from the task store (and aborted: their fake services are gone).</summary>
    public int Recovered { get; init; }

    /// <summary>
    /// Tasks this run left in flight in the task store when it was interrupted (Ctrl+C with a store): the next run with
    /// the same store recovers them. They are neither lost nor leaked.
    /// </summary>
    public int LeftInStore { get; init; }

    /// <summary>The recovered tasks by final phase.</summary>
    public IReadOnlyDictionary<string, int> RecoveredPhases { get; init; } = new Dictionary<string, int>();

    /// <summary>Whether every remote job and every task is accounted for.</summary>
    public bool Ok => Leaked == 0 && Lost == 0;
}

/// <summary>One plugin's tasks and calls.</summary>
/// <param name="Plugin">The plugin's id.</param>
/// <param name="TaskType">Its task type.</param>
/// <param name="Tasks">Tasks submitted to it.</param>
/// <param name="Phases">Tasks by final phase (<c>Success</c>, <c>PermanentFailure</c>, <c>RetryableFailure</c>, <c>Aborted</c>), plus <c>Unfinished</c>.</param>
/// <param name="Calls">Remote calls by operation, failed ones included.</param>
/// <param name="Throttled">Calls that waited for the plugin's rate limiter.</param>
/// <param name="Retried">Calls retried after a transient failure.</param>
/// <param name="TimeToTerminalMs">Time from submission to final phase.</param>
internal sealed record PluginSummary(
    string Plugin,
    string TaskType,
    int Tasks,
    IReadOnlyDictionary<string, int> Phases,
    CallCounts Calls,
    long Throttled,
    long Retried,
    Percentiles TimeToTerminalMs);

/// <summary>Remote calls by operation.</summary>
/// <param name="Create">Create calls.</param>
/// <param name="Get">Get calls.</param>
/// <param name="Delete">Delete calls.</param>
/// <param name="Do">Calls of synchronous plugins.</param>
internal sealed record CallCounts(long Create, long Get, long Delete, long Do)
{
    /// <summary>All of them.</summary>
    [JsonIgnore]
    public long All => Create + Get + Delete + Do;

    /// <summary>Two sets of counts added up.</summary>
    public static CallCounts operator +(CallCounts a, CallCounts b) => new(a.Create + b.Create, a.Get + b.Get, a.Delete + b.Delete, a.Do + b.Do);
}

/// <summary>Percentiles of a set of durations, in milliseconds.</summary>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
internal sealed record Percentiles(double P50, double P95)
{
    /// <summary>Nearest-rank percentiles of <paramref name="values"/>; zeros when there are none.</summary>
    public static Percentiles Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(0, 0);
        }

        var sorted = values.Order().ToArray();
        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95));
    }

    private static double Rank(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
}

/// <summary>What one fake service counted, and what it found when it reconciled its jobs with the client's claims.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="JobsCreated">Jobs it created.</param>
/// <param name="Calls">Requests it received.</param>
/// <param name="Throttled">Requests it answered with 429.</param>
/// <param name="Faults">Faults it injected, throttles included.</param>
/// <param name="Leaked">Jobs still running with no task left to stop them.</param>
/// <param name="Lost">Tasks that never ended, or whose outcome contradicts the service.</param>
/// <param name="Problems">One line per leak or loss.</param>
internal sealed record ServiceSummary(
    string Service,
    int JobsCreated,
    long Calls,
    long Throttled,
    long Faults,
    int Leaked,
    int Lost,
    IReadOnlyList<string> Problems);
