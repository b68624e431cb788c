namespace AsyncPluginGen.Hosting;

/// <summary>How the host runs plugins; bound from the <c>AsyncPluginGen</c> configuration section by default.</summary>
public sealed class PluginHostOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "AsyncPluginGen";

    /// <summary>
    /// The host's clock tick: how often rate limiters are refilled, deadlines and retries checked, and polls scheduled.
    /// Default 100 ms.
    /// </summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Poll a task right after Create instead of waiting for the next resync (Flyte's default: on).</summary>
    public bool SyncOnCreate { get; set; } = true;

    /// <summary>Retries of a Create that failed transiently (5xx, 429, time-outs, I/O) before the task fails.</summary>
    public RetryPolicy CreateRetries { get; set; } = new();

    /// <summary>Retries of a Delete on abort or cleanup; Delete is attempted at least once.</summary>
    public RetryPolicy DeleteRetries { get; set; } = new() { MaxAttempts = 6 };

    /// <summary>The timeout of tasks submitted without one; null for none.</summary>
    public TimeSpan? DefaultTaskTimeout { get; set; }

    /// <summary>Per-plugin overrides of the declared configuration, keyed by plugin id.</summary>
    public Dictionary<string, PluginConfigOverride> Plugins { get; set; } = new(StringComparer.Ordinal);
}
