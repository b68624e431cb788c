using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>Emits the PluginConfig and the ResourceRequirements built from attributes. Every value the host reads for the plugin's kind is written out, defaults included, so a debugger shows the whole configuration.</summary>
internal static class ConfigEmitter
{
    /// <summary>
    /// Writes the <c>config:</c> argument of the plugin's descriptor. The configuration lives only in the descriptor,
    /// so the plugin class gets no member of its own for it.
    /// </summary>
    public static void WriteConfigArgument(IndentedWriter w, ConfigModel config, bool isSync)
    {
        w.Line($"config: new {Names.PluginConfig}");
        w.Open();
        if (isSync)
        {
            // A sync plugin is called once per task (Do), a write: it has no quota, no Get to rate-limit and no
            // polling cache, so it declares only the limit the host applies to it.
            w.Line($"WriteRateLimiter = new global::AsyncPluginGen.RateLimiterConfig {{ Qps = {Literals.Double(config.WriteQps)}, Burst = {Literals.Int(config.WriteBurst)} }},");
            w.Close(",");
            return;
        }

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
        w.Close(",");
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
