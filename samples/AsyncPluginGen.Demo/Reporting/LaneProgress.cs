namespace AsyncPluginGen.Demo.Reporting;

/// <summary>One plugin's tasks by phase group and its call counters, at one instant.</summary>
/// <param name="Name">The lane's short name.</param>
/// <param name="Waiting">Not yet submitted, or waiting for quota, cache capacity or a rate-limit permit.</param>
/// <param name="Queued">Queued or initializing remotely.</param>
/// <param name="Running">Running remotely.</param>
/// <param name="Succeeded">Ended in success.</param>
/// <param name="Failed">Ended in a permanent or retryable failure.</param>
/// <param name="Aborted">Ended aborted.</param>
/// <param name="Calls">Remote calls so far (create, get, delete, do).</param>
/// <param name="CallsPerSecond">Remote calls per second since the previous snapshot.</param>
/// <param name="Throttled">Calls that waited for the plugin's rate limiter.</param>
/// <param name="Retries">Calls retried after a transient failure.</param>
internal sealed record LaneProgress(
    string Name,
    int Waiting,
    int Queued,
    int Running,
    int Succeeded,
    int Failed,
    int Aborted,
    long Calls,
    double CallsPerSecond,
    long Throttled,
    long Retries)
{
    /// <summary>Tasks that have ended.</summary>
    public int Ended => Succeeded + Failed + Aborted;

    /// <summary>All the lane's tasks.</summary>
    public int Total => Waiting + Queued + Running + Ended;
}

/// <summary>Every lane's progress at one instant.</summary>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Lanes">One row per plugin.</param>
internal sealed record ProgressSnapshot(TimeSpan Elapsed, IReadOnlyList<LaneProgress> Lanes)
{
    /// <summary>Tasks that have ended, over all lanes.</summary>
    public int Ended => Lanes.Sum(l => l.Ended);

    /// <summary>All tasks.</summary>
    public int Total => Lanes.Sum(l => l.Total);
}
