namespace AsyncPluginGen;

/// <summary>
/// The auto-refresh cache that polls in-flight tasks (Flyte's <c>CachingConfig</c>): its size, how often every
/// task is re-polled, how many workers poll, and how many consecutive Get failures fail a task.
/// </summary>
public sealed record CachingConfig
{
    /// <summary>Flyte's allowed range for <see cref="Size"/>.</summary>
    public static readonly ValueRange<int> SizeRange = new(10, 500_000);

    /// <summary>Flyte's allowed range for <see cref="Workers"/>.</summary>
    public static readonly ValueRange<int> WorkersRange = new(1, 10_000);

    /// <summary>Flyte's allowed range for <see cref="ResyncInterval"/>.</summary>
    public static readonly ValueRange<TimeSpan> ResyncIntervalRange = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));

    /// <summary>The most tasks polled at once. Flyte's default: 100,000.</summary>
    public int Size { get; init; } = 100_000;

    /// <summary>How often each in-flight task is polled. Flyte's default: 30 seconds.</summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many workers run Get calls in parallel. Flyte's default: 10.</summary>
    public int Workers { get; init; } = 10;

    /// <summary>
    /// How many consecutive Get failures are tolerated; one more fails the task. Flyte's default: 5.
    /// Must not be negative.
    /// </summary>
    public int MaxSystemFailures { get; init; } = 5;

    /// <summary>Flyte's defaults.</summary>
    public static CachingConfig Default { get; } = new();

    internal void Validate(string prefix, List<PluginConfigError> errors)
    {
        SizeRange.Check($"{prefix}.{nameof(Size)}", Size, errors);
        ResyncIntervalRange.Check($"{prefix}.{nameof(ResyncInterval)}", ResyncInterval, errors);
        WorkersRange.Check($"{prefix}.{nameof(Workers)}", Workers, errors);
        new ValueRange<int>(0, int.MaxValue).Check($"{prefix}.{nameof(MaxSystemFailures)}", MaxSystemFailures, errors);
    }
}
