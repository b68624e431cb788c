namespace AsyncPluginGen.Hosting;

/// <summary>
/// When the <see cref="TaskJournal"/> cuts its next batch. It paces durability, not cuts: a batch is cut early by about
/// as long as a save is expected to take, so that it is durable when the interval ends. A store that writes in no time
/// (in memory) gets one batch per interval; a store that takes a few milliseconds (SQLite) makes its changes durable as
/// soon, instead of an interval plus the write; a store slower than the interval is written back to back.
/// </summary>
internal static class CommitPacing
{
    /// <summary>The weight of the latest save in the running average: recent saves count most, one outlier little.</summary>
    private const double LatestWeight = 0.3;

    /// <summary>The expected save time after a save that took <paramref name="latest"/>; at most <paramref name="interval"/>.</summary>
    public static TimeSpan Expect(TimeSpan average, TimeSpan latest, TimeSpan interval)
    {
        var next = average == TimeSpan.Zero ? latest : (average * (1 - LatestWeight)) + (latest * LatestWeight);
        return next < interval ? next : interval;
    }

    /// <summary>How long to wait before the next cut, <paramref name="sinceCut"/> after the last one; zero to cut at once.</summary>
    public static TimeSpan Wait(TimeSpan interval, TimeSpan expectedSave, TimeSpan sinceCut)
    {
        var wait = interval - expectedSave - sinceCut;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
