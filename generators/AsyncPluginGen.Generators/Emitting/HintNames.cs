using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// Hint names of generated files: the plugin's metadata name, which reads well in the IDE. Roslyn compares hint
/// names ignoring case, so names that collide that way (or with the registry's) get a stable hash suffix.
/// </summary>
internal static class HintNames
{
    public static EquatableArray<string> FindClashes(IEnumerable<string> metadataNames, string reserved) =>
        metadataNames
            .Distinct(StringComparer.Ordinal)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1 || string.Equals(g.Key, reserved, StringComparison.OrdinalIgnoreCase))
            .SelectMany(g => g)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToEquatableArray();

    public static string For(string metadataName, EquatableArray<string> clashes) =>
        clashes.AsSpan().IndexOf(metadataName) >= 0 ? metadataName + "." + Fnv1a(metadataName) : metadataName;

    /// <summary>FNV-1a over UTF-8: deterministic across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static string Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
