namespace AsyncPluginGen.Hosting;

/// <summary>Retries with exponential backoff: <see cref="InitialDelay"/>, doubled after each attempt up to <see cref="MaxDelay"/>.</summary>
public sealed class RetryPolicy
{
    /// <summary>The allowed range of <see cref="MaxAttempts"/>: 1 to 1,000.</summary>
    public static readonly ValueRange<int> MaxAttemptsRange = new(1, 1_000);

    /// <summary>
    /// The allowed range of <see cref="InitialDelay"/> and <see cref="MaxDelay"/>: zero to 1 day. A longer wait between
    /// two attempts is better served by failing the task; the bound also keeps every retry time a representable date.
    /// </summary>
    public static readonly ValueRange<TimeSpan> DelayRange = new(TimeSpan.Zero, TimeSpan.FromDays(1));

    /// <summary>How many attempts in all, the first included. Allowed <see cref="MaxAttemptsRange"/>.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The delay before the second attempt. Allowed <see cref="DelayRange"/>, and at most <see cref="MaxDelay"/>.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts. Allowed <see cref="DelayRange"/>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay after attempt <paramref name="attempt"/> (1-based) failed.</summary>
    /// <param name="attempt">The attempt that failed.</param>
    /// <returns>How long to wait.</returns>
    public TimeSpan DelayAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(InitialDelay.Ticks * factor, MaxDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
