using System.Collections.Generic;
using System.Globalization;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// The declared configuration from [RateLimits], [Caching] and [ResourceQuota], and APG0009: values within Flyte's
/// validation ranges (the runtime's PluginConfig.Validate, at compile time). A value out of range is still generated
/// (Validate rejects it at startup); only a quota the generated code cannot even declare stops generation.
/// </summary>
internal static class ConfigInspector
{
    /// <summary>The configuration; null when a [ResourceQuota] has no namespace or quota the generated code could declare.</summary>
    public static ConfigModel? Inspect(PluginTarget target, Problems problems)
    {
        var d = ConfigModel.Default;
        var known = target.Known;
        var rates = KnownTypes.Attribute(target.Type, known.RateLimitsAttribute);
        var caching = KnownTypes.Attribute(target.Type, known.CachingAttribute);
        if (rates is not null)
        {
            CheckDouble(target, problems, rates, "RateLimits", "ReadQps", 1, 100_000);
            CheckInt(target, problems, rates, "RateLimits", "ReadBurst", 5, 10_000);
            CheckDouble(target, problems, rates, "RateLimits", "WriteQps", 1, 100_000);
            CheckInt(target, problems, rates, "RateLimits", "WriteBurst", 5, 10_000);
        }

        if (caching is not null)
        {
            CheckInt(target, problems, caching, "Caching", "Size", 10, 500_000);
            CheckInt(target, problems, caching, "Caching", "ResyncSeconds", 5, 3_600, " seconds");
            CheckInt(target, problems, caching, "Caching", "Workers", 1, 10_000);
            CheckInt(target, problems, caching, "Caching", "MaxSystemFailures", 0, int.MaxValue);
        }

        var quotas = new List<QuotaModel>();
        var declarable = true;
        foreach (var attribute in KnownTypes.Attributes(target.Type, known.ResourceQuotaAttribute))
        {
            var quota = Quota(target, problems, attribute);
            if (quota is null)
            {
                declarable = false;
            }
            else
            {
                quotas.Add(quota);
            }
        }

        if (!declarable)
        {
            return null;
        }

        return new ConfigModel(
            rates is null ? d.ReadQps : AttributeReader.Named(rates, "ReadQps", d.ReadQps),
            rates is null ? d.ReadBurst : AttributeReader.Named(rates, "ReadBurst", d.ReadBurst),
            rates is null ? d.WriteQps : AttributeReader.Named(rates, "WriteQps", d.WriteQps),
            rates is null ? d.WriteBurst : AttributeReader.Named(rates, "WriteBurst", d.WriteBurst),
            caching is null ? d.CacheSize : AttributeReader.Named(caching, "Size", d.CacheSize),
            caching is null ? d.ResyncSeconds : AttributeReader.Named(caching, "ResyncSeconds", d.ResyncSeconds),
            caching is null ? d.Workers : AttributeReader.Named(caching, "Workers", d.Workers),
            caching is null ? d.MaxSystemFailures : AttributeReader.Named(caching, "MaxSystemFailures", d.MaxSystemFailures),
            quotas.ToEquatableArray());
    }

    private static QuotaModel? Quota(PluginTarget target, Problems problems, AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is int value && value < 1)
        {
            Report(target, problems, attribute, "[ResourceQuota] quota", value.ToString(CultureInfo.InvariantCulture), "1 or more");
        }

        if (attribute.ConstructorArguments.Length >= 1 && attribute.ConstructorArguments[0] is { Kind: not TypedConstantKind.Error } ns
            && (ns.IsNull || ns.Value is string { } name && string.IsNullOrWhiteSpace(name)))
        {
            Report(target, problems, attribute, "[ResourceQuota] namespace", ns.IsNull ? "null" : "empty", "a non-empty name");
        }

        CheckLong(target, problems, attribute, "ProjectLimit");
        CheckLong(target, problems, attribute, "NamespaceLimit");
        return AttributeReader.TryConstructor<string>(attribute, 0, out var @namespace) && AttributeReader.TryConstructor<int>(attribute, 1, out var quota)
            ? new QuotaModel(@namespace, quota, AttributeReader.Named(attribute, "ProjectLimit", 0L), AttributeReader.Named(attribute, "NamespaceLimit", 0L))
            : null;
    }

    private static void CheckInt(PluginTarget target, Problems problems, AttributeData attribute, string name, string property, int min, int max, string unit = "")
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == property && pair.Value.Value is int value && (value < min || value > max))
            {
                var range = max == int.MaxValue ? $"{min}{unit} or more" : $"{min}–{max}{unit}";
                Report(target, problems, attribute, $"[{name}] {property}", value.ToString(CultureInfo.InvariantCulture) + unit, range);
            }
        }
    }

    private static void CheckDouble(PluginTarget target, Problems problems, AttributeData attribute, string name, string property, double min, double max)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == property && pair.Value.Value is double value && (double.IsNaN(value) || value < min || value > max))
            {
                Report(target, problems, attribute, $"[{name}] {property}", value.ToString("R", CultureInfo.InvariantCulture), $"{min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static void CheckLong(PluginTarget target, Problems problems, AttributeData attribute, string property)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == property && pair.Value.Value is long value && value < 0)
            {
                Report(target, problems, attribute, $"[ResourceQuota] {property}", value.ToString(CultureInfo.InvariantCulture), "0 (no cap) or more");
            }
        }
    }

    private static void Report(PluginTarget target, Problems problems, AttributeData attribute, string what, string value, string range) =>
        problems.Report(ProblemIds.ConfigValueOutOfRange, target.LocationOf(attribute), what, value, range);
}
