namespace AsyncPluginGen.Generators.Model;

/// <summary>The plugin configuration declared by attributes; unset values hold Flyte's defaults.</summary>
internal sealed record ConfigModel(
    double ReadQps,
    int ReadBurst,
    double WriteQps,
    int WriteBurst,
    int CacheSize,
    int ResyncSeconds,
    int Workers,
    int MaxSystemFailures,
    EquatableArray<QuotaModel> Quotas)
{
    public static ConfigModel Default { get; } = new(30, 300, 20, 200, 100_000, 30, 10, 5, EquatableArray<QuotaModel>.Empty);
}
