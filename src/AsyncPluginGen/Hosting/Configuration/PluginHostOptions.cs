namespace AsyncPluginGen.Hosting;

/// <summary>How the host runs plugins; bound from the <c>AsyncPluginGen</c> configuration section by default.</summary>
public sealed class PluginHostOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "AsyncPluginGen";

    /// <summary>
    /// The allowed range of <see cref="TickInterval"/>: 1 ms to 1 minute. Below 1 ms a timer cannot fire; above a minute
    /// rate limiters refill and deadlines are checked too rarely to honour Flyte's smallest resync interval (5 s).
    /// </summary>
    public static readonly ValueRange<TimeSpan> TickIntervalRange = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));

    /// <summary>
    /// The allowed range of a task timeout (<see cref="DefaultTaskTimeout"/> and <see cref="TaskOptions.Timeout"/>):
    /// 1 ms to 3,650 days. The upper bound keeps every deadline a representable date.
    /// </summary>
    public static readonly ValueRange<TimeSpan> TaskTimeoutRange = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(3650));

    /// <summary>
    /// The host's clock tick: how often rate limiters are refilled, deadlines and retries checked, and polls scheduled.
    /// Default 100 ms; allowed <see cref="TickIntervalRange"/> (1 ms to 1 minute).
    /// </summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The allowed range of <see cref="MaxRemoteTextLength"/>: 64 to 65,536 characters.</summary>
    public static readonly ValueRange<int> MaxRemoteTextLengthRange = new(64, 65_536);

    /// <summary>The allowed range of <see cref="StoreCommitInterval"/>: 1 ms to 1 s.</summary>
    public static readonly ValueRange<TimeSpan> StoreCommitIntervalRange = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));

    /// <summary>The allowed range of <see cref="EndedTaskRetention"/>: zero (purged at the next sweep) to 365 days.</summary>
    public static readonly ValueRange<TimeSpan> EndedTaskRetentionRange = new(TimeSpan.Zero, TimeSpan.FromDays(365));

    /// <summary>
    /// With a task store: how long the host gathers changes before writing them in one transaction (group commit). Longer
    /// batches are cheaper; each Create and Delete waits for its task's row to be durable, so up to this long. Default 5 ms.
    /// </summary>
    public TimeSpan StoreCommitInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// With a task store: how long an ended task stays in the store, where <see cref="PluginHost.FindAsync"/> finds its
    /// outcome after a restart. Default 1 day.
    /// </summary>
    public TimeSpan EndedTaskRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The longest text from a plugin or a remote service (an error message, a phase reason) the host keeps or shows in
    /// phases, results, logs and spans; longer text is cut, with a note of how much. Secrets of the task are replaced
    /// with <c>***</c> first. Default 1,024 characters.
    /// </summary>
    public int MaxRemoteTextLength { get; set; } = 1_024;

    /// <summary>What stopping does with the remote jobs of tasks in flight (see <see cref="Hosting.StopBehavior"/>). Default: leave them running.</summary>
    public StopBehavior StopBehavior { get; set; } = StopBehavior.LeaveRunning;

    /// <summary>Poll a task right after Create instead of waiting for the next resync (Flyte's default: on).</summary>
    public bool SyncOnCreate { get; set; } = true;

    /// <summary>Retries of a Create that failed transiently (5xx, 429, time-outs, I/O) before the task fails.</summary>
    public RetryPolicy CreateRetries { get; set; } = new();

    /// <summary>Retries of a Delete on abort or cleanup; Delete is attempted at least once.</summary>
    public RetryPolicy DeleteRetries { get; set; } = new() { MaxAttempts = 6 };

    /// <summary>
    /// How long one remote call may take, per operation (defaults: Create 60 s, Get 30 s, Delete 60 s, Do 5 minutes);
    /// each allowed <see cref="CallTimeouts.Range"/>. Overridden per plugin by <see cref="PluginConfigOverride.CallTimeouts"/>.
    /// </summary>
    public CallTimeouts CallTimeouts { get; set; } = new();

    /// <summary>The timeout of tasks submitted without one; null (the default) for none. Allowed <see cref="TaskTimeoutRange"/>.</summary>
    public TimeSpan? DefaultTaskTimeout { get; set; }

    /// <summary>
    /// Per-plugin overrides of the declared configuration, keyed by plugin id. Each id must name a registered plugin, and
    /// the effective configuration must lie within Flyte's ranges (<see cref="PluginConfig.GetValidationErrors"/>).
    /// </summary>
    public Dictionary<string, PluginConfigOverride> Plugins { get; set; } = new(StringComparer.Ordinal);
}
