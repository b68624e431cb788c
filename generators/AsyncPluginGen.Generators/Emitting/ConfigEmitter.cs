using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>Emits the static PluginConfig and the ResourceRequirements built from attributes. Every value is written out, defaults included, so a debugger shows the whole configuration.</summary>
internal static class ConfigEmitter
{
    public static void WriteConfig(IndentedWriter w, ConfigModel config)
    {
        w.Line("/// <summary>The configuration declared by this plugin's attributes, with Flyte's defaults for the rest.</summary>");
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"public static {Names.PluginConfig} {Parsing.KnownNames.ConfigMember} {{ get; }} = new {Names.PluginConfig}");
        w.Open();
        if (config.Quotas.Count > 0)
        {
            w.Line("ResourceQuotas = new global::System.Collections.Generic.Dictionary<global::AsyncPluginGen.ResourceNamespace, int>");
            w.Open();
            foreach (var quota in config.Quotas)
            {
                w.Line($"[new global::AsyncPluginGen.ResourceNamespace({Literals.String(quota.Namespace)})] = {Literals.Int(quota.Quota)},");
            }

            w.Close(",");
        }

        w.Line($"ReadRateLimiter = new global::AsyncPluginGen.RateLimiterConfig {{ Qps = {Literals.Double(config.ReadQps)}, Burst = {Literals.Int(config.ReadBurst)} }},");
        w.Line($"WriteRateLimiter = new global::AsyncPluginGen.RateLimiterConfig {{ Qps = {Literals.Double(config.WriteQps)}, Burst = {Literals.Int(config.WriteBurst)} }},");
        w.Line("Caching = new global::AsyncPluginGen.CachingConfig");
        w.Open();
        w.Line($"Size = {Literals.Int(config.CacheSize)},");
        w.Line($"ResyncInterval = global::System.TimeSpan.FromSeconds({Literals.Int(config.ResyncSeconds)}),");
        w.Line($"Workers = {Literals.Int(config.Workers)},");
        w.Line($"MaxSystemFailures = {Literals.Int(config.MaxSystemFailures)},");
        w.Close(",");
        w.Close(";");
    }

    /// <summary>The expression GetResourceRequirements returns when the author wrote no handler: the first declared quota, or the default namespace.</summary>
    public static string RequirementsExpression(ConfigModel config)
    {
        if (config.Quotas.Count == 0)
        {
            return "global::AsyncPluginGen.ResourceRequirements.Default";
        }

        var quota = config.Quotas[0];
        var project = quota.ProjectLimit > 0 ? Literals.Long(quota.ProjectLimit) : "null";
        var ns = quota.NamespaceLimit > 0 ? Literals.Long(quota.NamespaceLimit) : "null";
        return $"new global::AsyncPluginGen.ResourceRequirements(new global::AsyncPluginGen.ResourceNamespace({Literals.String(quota.Namespace)}), " +
               $"new global::AsyncPluginGen.ResourceConstraintsSpec({project}, {ns}))";
    }
}
