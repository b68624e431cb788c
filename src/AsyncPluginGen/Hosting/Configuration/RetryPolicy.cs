namespace AsyncPluginGen.Hosting;

/// <summary>Retries with exponential backoff: <see cref="InitialDelay"/>, doubled after each attempt up to <see cref="MaxDelay"/>.</summary>
public sealed class RetryPolicy
{
    /// <summary>How many attempts in all, the first included. At least 1.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The delay before the second attempt.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts.</summary>
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
