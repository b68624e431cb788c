namespace AsyncPluginGen.Hosting;

/// <summary>
/// Values that replace a plugin's declared configuration, bound from configuration (for example
/// <c>AsyncPluginGen:Plugins:WarehousePlugin:Workers</c>). Unset values keep what the plugin declares.
/// </summary>
public sealed class PluginConfigOverride
{
    /// <summary>Read (Get) requests per second.</summary>
    public double? ReadQps { get; set; }

    /// <summary>Read burst.</summary>
    public int? ReadBurst { get; set; }

    /// <summary>Write (Create, Delete) requests per second.</summary>
    public double? WriteQps { get; set; }

    /// <summary>Write burst.</summary>
    public int? WriteBurst { get; set; }

    /// <summary>The most tasks polled at once.</summary>
    public int? CacheSize { get; set; }

    /// <summary>Time between two polls of one task.</summary>
    public TimeSpan? ResyncInterval { get; set; }

    /// <summary>Workers running Get calls.</summary>
    public int? Workers { get; set; }

    /// <summary>Consecutive Get failures tolerated.</summary>
    public int? MaxSystemFailures { get; set; }

    /// <summary>This plugin's call timeouts; unset values keep <see cref="PluginHostOptions.CallTimeouts"/>.</summary>
    public CallTimeoutsOverride CallTimeouts { get; set; } = new();

    /// <summary>Quotas by namespace; replace the declared quota of each namespace named.</summary>
    public Dictionary<string, int> ResourceQuotas { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Applies the override to a declared configuration.</summary>
    /// <param name="declared">The configuration the plugin declares.</param>
    /// <returns>The effective configuration (not yet validated).</returns>
    public PluginConfig ApplyTo(PluginConfig declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var quotas = new Dictionary<ResourceNamespace, int>(declared.ResourceQuotas);
        foreach (var (ns, quota) in ResourceQuotas)
        {
            quotas[new ResourceNamespace(ns)] = quota;
        }

        return declared with
        {
            ResourceQuotas = quotas,
            ReadRateLimiter = declared.ReadRateLimiter with { Qps = ReadQps ?? declared.ReadRateLimiter.Qps, Burst = ReadBurst ?? declared.ReadRateLimiter.Burst },
            WriteRateLimiter = declared.WriteRateLimiter with { Qps = WriteQps ?? declared.WriteRateLimiter.Qps, Burst = WriteBurst ?? declared.WriteRateLimiter.Burst },
            Caching = declared.Caching with
            {
                Size = CacheSize ?? declared.Caching.Size,
                ResyncInterval = ResyncInterval ?? declared.Caching.ResyncInterval,
                Workers = Workers ?? declared.Caching.Workers,
                MaxSystemFailures = MaxSystemFailures ?? declared.Caching.MaxSystemFailures,
            },
        };
    }
}
