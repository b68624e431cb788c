using System.Diagnostics;
using System.Globalization;

namespace AsyncPluginGen.AotSample;

/// <summary>When the run began: a <see cref="Stopwatch"/> timestamp for intervals, and the wall clock to compare with the process's start.</summary>
/// <param name="Timestamp">The <see cref="Stopwatch.GetTimestamp"/> value read first thing in <c>Main</c>.</param>
/// <param name="WallClock">The wall-clock time read right after it.</param>
/// <param name="IsProcessEntry">True when read in <c>Main</c>; false for a run started in-process (by a test), where "process start to Main" means nothing.</param>
public readonly record struct MainClock(long Timestamp, DateTimeOffset WallClock, bool IsProcessEntry)
{
    /// <summary>
    /// The environment variable a launcher may set, just before it starts the process, to the wall-clock time in
    /// microseconds since the Unix epoch. It is the precise way to measure process start to <c>Main</c>.
    /// </summary>
    public const string LaunchedAtVariable = "APG_LAUNCHED_AT_UNIX_US";

    /// <summary>Reads the clock first thing in <c>Main</c>.</summary>
    /// <returns>The clock.</returns>
    public static MainClock AtMain() => new(Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow, IsProcessEntry: true);

    /// <summary>Reads the clock for a run started in-process rather than from <c>Main</c>.</summary>
    /// <returns>The clock.</returns>
    public static MainClock InProcess() => new(Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow, IsProcessEntry: false);

    /// <summary>Time since the clock was read.</summary>
    /// <returns>The elapsed time.</returns>
    public TimeSpan Elapsed() => Stopwatch.GetElapsedTime(Timestamp);

    /// <summary>
    /// Time from the process's start to <c>Main</c>, and where the start came from: the launcher's
    /// <see cref="LaunchedAtVariable"/> when set, otherwise the start time the operating system reports, which Linux
    /// keeps in 10 ms clock ticks on a clock of its own, so it is coarse and can be off by tens of milliseconds.
    /// Null when the clock was not read in <c>Main</c>.
    /// </summary>
    /// <returns>The time and its source, or null.</returns>
    public (TimeSpan Time, string Source)? ProcessStartToMain()
    {
        if (!IsProcessEntry)
        {
            return null;
        }

        if (long.TryParse(Environment.GetEnvironmentVariable(LaunchedAtVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var launchedUs))
        {
            var launched = DateTimeOffset.UnixEpoch.AddTicks(launchedUs * TimeSpan.TicksPerMicrosecond);
            return (NotNegative(WallClock - launched), "launcher's " + LaunchedAtVariable);
        }

        using var process = Process.GetCurrentProcess();
        var started = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        return (NotNegative(WallClock - started), "OS process start time, 10 ms ticks");
    }

    private static TimeSpan NotNegative(TimeSpan time) => time < TimeSpan.Zero ? TimeSpan.Zero : time;
}
