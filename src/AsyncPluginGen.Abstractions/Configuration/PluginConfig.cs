namespace AsyncPluginGen;

/// <summary>
/// How the host runs a plugin: resource quotas, read and write rate limits, and the polling cache
/// (Flyte's <c>webapi.PluginConfig</c>, with Flyte's defaults). The generator builds one from the plugin's
/// attributes; the host may override it from configuration.
/// </summary>
public sealed record PluginConfig
{
    // Declared first: static fields initialize in textual order, and Default below needs it.
    private static readonly IReadOnlyDictionary<ResourceNamespace, int> EmptyQuotas = new Dictionary<ResourceNamespace, int>();

    /// <summary>
    /// The most tasks that may hold an allocation token at once, per resource namespace. Empty means no quota:
    /// tasks are created without allocating a token.
    /// </summary>
    public IReadOnlyDictionary<ResourceNamespace, int> ResourceQuotas { get; init; } = EmptyQuotas;

    /// <summary>Limits Get calls. Flyte's default: 30 QPS, burst 300.</summary>
    public RateLimiterConfig ReadRateLimiter { get; init; } = RateLimiterConfig.DefaultRead;

    /// <summary>Limits Create and Delete calls. Flyte's default: 20 QPS, burst 200.</summary>
    public RateLimiterConfig WriteRateLimiter { get; init; } = RateLimiterConfig.DefaultWrite;

    /// <summary>The polling cache. Flyte's defaults: size 100,000, resync 30 s, 10 workers, 5 system failures.</summary>
    public CachingConfig Caching { get; init; } = CachingConfig.Default;

    /// <summary>A configuration with all of Flyte's defaults.</summary>
    public static PluginConfig Default { get; } = new();

    /// <summary>Every value outside Flyte's validation ranges; empty when the configuration is valid.</summary>
    /// <returns>The errors, in field order.</returns>
    public IReadOnlyList<PluginConfigError> GetValidationErrors()
    {
        var errors = new List<PluginConfigError>();
        foreach (var (ns, quota) in ResourceQuotas)
        {
            new ValueRange<int>(1, int.MaxValue).Check($"{nameof(ResourceQuotas)}[{ns}]", quota, errors);
        }

        ReadRateLimiter.Validate(nameof(ReadRateLimiter), errors);
        WriteRateLimiter.Validate(nameof(WriteRateLimiter), errors);
        Caching.Validate(nameof(Caching), errors);
        return errors;
    }

    /// <summary>
    /// Throws when a value lies outside Flyte's validation ranges: cache size 10–500000, workers 1–10000,
    /// resync 5 s–1 h, burst 5–10000, QPS 1–100000, quotas at least 1, MaxSystemFailures not negative.
    /// </summary>
    /// <param name="pluginId">The plugin the configuration belongs to, named in the message.</param>
    /// <exception cref="PluginConfigValidationException">A value is out of range; the message names every one.</exception>
    public void Validate(string? pluginId = null)
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new PluginConfigValidationException(pluginId, errors);
        }
    }
}
