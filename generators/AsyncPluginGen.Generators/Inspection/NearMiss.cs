using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// Finds a method whose name looks like a misspelt handler name (<c>GetAsnyc</c>, <c>CreatAsync</c>), so a missing
/// handler's message can say which method was probably meant. Case-insensitive optimal-string-alignment distance
/// (Damerau–Levenshtein with adjacent transpositions) of at most 2, and at most a third of the name's length so short
/// names (<c>Do</c>, <c>Get</c>) only match close variants; the first letter must match, since a different first letter
/// (<c>Set</c> for <c>Get</c>) is usually a different word rather than a typo.
/// </summary>
internal static class NearMiss
{
    /// <summary>The best (closest, then first declared) near miss of <paramref name="expected"/> names among the type's methods, or null.</summary>
    public static (string Found, string Meant)? Find(INamedTypeSymbol type, IReadOnlyList<string> expected)
    {
        (string Found, string Meant, int Distance)? best = null;
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
        {
            if (expected.Contains(method.Name, StringComparer.Ordinal))
            {
                continue;
            }

            foreach (var name in expected)
            {
                var distance = Distance(method.Name, name);
                if (distance <= Math.Min(2, name.Length / 3) && char.ToUpperInvariant(method.Name[0]) == char.ToUpperInvariant(name[0])
                    && (best is null || distance < best.Value.Distance))
                {
                    best = (method.Name, name, distance);
                }
            }
        }

        return best is { } found ? (found.Found, found.Meant) : null;
    }

    /// <summary>Optimal string alignment distance, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The message suffix: empty without a near miss.</summary>
    public static string Hint((string Found, string Meant)? nearMiss) =>
        nearMiss is { } n ? $" (did you mean '{n.Meant}'? '{n.Found}' is not recognised as one)" : "";
}
