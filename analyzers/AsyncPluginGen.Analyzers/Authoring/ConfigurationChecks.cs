using System;
using System.Globalization;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>APG0009: configuration attributes within Flyte's validation ranges (the runtime's PluginConfig.Validate, at compile time).</summary>
internal static class ConfigurationChecks
{
    public static void Check(PluginUnderAnalysis plugin)
    {
        foreach (var attribute in plugin.Type.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case KnownNames.RateLimitsAttribute:
                    CheckDouble(plugin, attribute, "RateLimits", "ReadQps", 1, 100_000);
                    CheckInt(plugin, attribute, "RateLimits", "ReadBurst", 5, 10_000);
                    CheckDouble(plugin, attribute, "RateLimits", "WriteQps", 1, 100_000);
                    CheckInt(plugin, attribute, "RateLimits", "WriteBurst", 5, 10_000);
                    break;
                case KnownNames.CachingAttribute:
                    CheckInt(plugin, attribute, "Caching", "Size", 10, 500_000);
                    CheckInt(plugin, attribute, "Caching", "ResyncSeconds", 5, 3_600, " seconds");
                    CheckInt(plugin, attribute, "Caching", "Workers", 1, 10_000);
                    CheckInt(plugin, attribute, "Caching", "MaxSystemFailures", 0, int.MaxValue);
                    break;
                case KnownNames.ResourceQuotaAttribute:
                    if (attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is int quota && quota < 1)
                    {
                        Report(plugin, attribute, "[ResourceQuota] quota", quota.ToString(CultureInfo.InvariantCulture), "1 or more");
                    }

                    if (attribute.ConstructorArguments.Length >= 1 && attribute.ConstructorArguments[0].Value is string ns && string.IsNullOrWhiteSpace(ns))
                    {
                        Report(plugin, attribute, "[ResourceQuota] namespace", "empty", "a non-empty name");
                    }

                    CheckLong(plugin, attribute, "ProjectLimit");
                    CheckLong(plugin, attribute, "NamespaceLimit");
                    break;
            }
        }
    }

    private static void CheckInt(PluginUnderAnalysis plugin, AttributeData attribute, string name, string property, int min, int max, string unit = "")
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == property && pair.Value.Value is int value && (value < min || value > max))
            {
                var range = max == int.MaxValue ? $"{min}{unit} or more" : $"{min}–{max}{unit}";
                Report(plugin, attribute, $"[{name}] {property}", value.ToString(CultureInfo.InvariantCulture) + unit, range);
            }
        }
    }

    private static void CheckDouble(PluginUnderAnalysis plugin, AttributeData attribute, string name, string property, double min, double max)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == property && pair.Value.Value is double value && (double.IsNaN(value) || value < min || value > max))
            {
                Report(plugin, attribute, $"[{name}] {property}", value.ToString("R", CultureInfo.InvariantCulture), $"{min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static void CheckLong(PluginUnderAnalysis plugin, AttributeData attribute, string property)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == property && pair.Value.Value is long value && value < 0)
            {
                Report(plugin, attribute, $"[ResourceQuota] {property}", value.ToString(CultureInfo.InvariantCulture), "0 (no cap) or more");
            }
        }
    }

    private static void Report(PluginUnderAnalysis plugin, AttributeData attribute, string what, string value, string range) =>
        plugin.Report(
            Descriptors.ConfigValueOutOfRange,
            attribute.ApplicationSyntaxReference?.GetSyntax(plugin.CancellationToken).GetLocation(),
            what,
            value,
            range);
}
