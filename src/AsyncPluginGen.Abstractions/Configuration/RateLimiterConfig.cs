namespace AsyncPluginGen;

/// <summary>A token bucket: a sustained rate and a burst (Flyte's <c>RateLimiterConfig</c>).</summary>
public sealed record RateLimiterConfig
{
    /// <summary>Flyte's allowed range for <see cref="Qps"/>.</summary>
    public static readonly ValueRange<double> QpsRange = new(1, 100_000);

    /// <summary>Flyte's allowed range for <see cref="Burst"/>.</summary>
    public static readonly ValueRange<int> BurstRange = new(5, 10_000);

    /// <summary>Requests per second allowed on average. Fractional rates are allowed (Flyte issue #6303).</summary>
    public double Qps { get; init; }

    /// <summary>Requests allowed at once above the average rate.</summary>
    public int Burst { get; init; }

    /// <summary>Flyte's default read limiter: 30 QPS, burst 300.</summary>
    public static RateLimiterConfig DefaultRead { get; } = new() { Qps = 30, Burst = 300 };

    /// <summary>Flyte's default write limiter: 20 QPS, burst 200.</summary>
    public static RateLimiterConfig DefaultWrite { get; } = new() { Qps = 20, Burst = 200 };

    internal void Validate(string prefix, List<PluginConfigError> errors)
    {
        QpsRange.Check($"{prefix}.{nameof(Qps)}", Qps, errors);
        BurstRange.Check($"{prefix}.{nameof(Burst)}", Burst, errors);
    }
}
