using System.Linq;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>Builds the declared configuration from [RateLimits], [Caching] and [ResourceQuota]; values are not validated here.</summary>
internal static class ConfigParser
{
    public static ConfigModel? Parse(INamedTypeSymbol type)
    {
        var d = ConfigModel.Default;
        var rates = type.GetAttribute(KnownNames.RateLimitsAttribute);
        var caching = type.GetAttribute(KnownNames.CachingAttribute);
        var quotas = type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.ResourceQuotaAttribute)
            .Select(ParseQuota)
            .ToList();
        if (quotas.Any(q => q is null))
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
            quotas.Select(q => q!).ToEquatableArray());
    }

    private static QuotaModel? ParseQuota(AttributeData attribute) =>
        AttributeReader.TryConstructor<string>(attribute, 0, out var ns) && AttributeReader.TryConstructor<int>(attribute, 1, out var quota)
            ? new QuotaModel(ns, quota, AttributeReader.Named(attribute, "ProjectLimit", 0L), AttributeReader.Named(attribute, "NamespaceLimit", 0L))
            : null;
}
