namespace AsyncPluginGen;

/// <summary>
/// Sets the polling cache. Unset values keep Flyte's defaults: size 100000, resync 30 s, 10 workers,
/// 5 system failures. Allowed: size 10–500000, resync 5–3600 s, workers 1–10000.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CachingAttribute : Attribute
{
    /// <summary>The most tasks polled at once.</summary>
    public int Size { get; set; } = 100_000;

    /// <summary>Seconds between two polls of one task.</summary>
    public int ResyncSeconds { get; set; } = 30;

    /// <summary>Workers running Get calls in parallel.</summary>
    public int Workers { get; set; } = 10;

    /// <summary>Consecutive Get failures tolerated before the task fails.</summary>
    public int MaxSystemFailures { get; set; } = 5;
}
