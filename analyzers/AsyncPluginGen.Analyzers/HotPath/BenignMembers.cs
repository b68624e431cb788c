using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Interface, abstract and virtual members of the BCL that do no I/O whatever implementation runs, so strict mode
/// (<c>unknown_calls = pessimistic</c>) does not report them: collections, channels, endpoints, client factories that
/// only construct, formatting and comparison, encodings, clocks, and JSON over in-memory data. Matched by the type
/// that declares the called member; answers are cached per type, for one
/// compilation (symbols must not outlive it).
/// </summary>
internal sealed class BenignMembers
{
    /// <summary>Namespaces whose every type is benign (streams and the network live elsewhere).</summary>
    private static readonly HashSet<string> Namespaces = new(System.StringComparer.Ordinal)
    {
        "System.Collections",
        "System.Collections.Generic",
        "System.Collections.Concurrent",
        "System.Collections.Immutable",
        "System.Collections.ObjectModel",
        "System.Collections.Frozen",
        "System.Threading.Channels",
        "System.Globalization",
        "System.Text.Json",
        "System.Text.Json.Nodes",
        "System.Text.Json.Serialization",
    };

    /// <summary>Types in other namespaces (metadata names), and exceptions to the namespaces above.</summary>
    private static readonly Dictionary<string, bool> Types = new(System.StringComparer.Ordinal)
    {
        // Streaming an async sequence may be a remote query or a gRPC stream.
        ["System.Collections.Generic.IAsyncEnumerable`1"] = false,
        ["System.Collections.Generic.IAsyncEnumerator`1"] = false,

        ["System.Net.EndPoint"] = true,
        ["System.Net.IPEndPoint"] = true,
        ["System.Net.DnsEndPoint"] = true,
        ["System.Net.Http.IHttpClientFactory"] = true,
        ["System.Net.Http.IHttpMessageHandlerFactory"] = true,
        ["System.IFormattable"] = true,
        ["System.ISpanFormattable"] = true,
        ["System.IUtf8SpanFormattable"] = true,
        ["System.IFormatProvider"] = true,
        ["System.ICustomFormatter"] = true,
        ["System.IComparable"] = true,
        ["System.IComparable`1"] = true,
        ["System.IEquatable`1"] = true,
        ["System.IConvertible"] = true,
        ["System.ICloneable"] = true,
        ["System.TimeProvider"] = true,
        ["System.Random"] = true,
        ["System.Text.Encoding"] = true,
        ["System.Text.Encoder"] = true,
        ["System.Text.Decoder"] = true,
        ["System.Linq.IGrouping`2"] = true,
        ["System.Linq.ILookup`2"] = true,
        ["System.Linq.IOrderedEnumerable`1"] = true,
    };

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    /// <summary>Whether <paramref name="method"/>'s declaring type is known to do no I/O.</summary>
    public bool Contains(IMethodSymbol method)
    {
        if (method.ContainingType?.OriginalDefinition is not { } type)
        {
            return false;
        }

        if (!_answers.TryGetValue(type, out var benign))
        {
            benign = Compute(type);
            _answers.TryAdd(type, benign);
        }

        return benign;
    }

    private static bool Compute(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        var name = type.ContainingType is null ? (ns.Length == 0 ? type.MetadataName : ns + "." + type.MetadataName) : null;
        if (name is not null && Types.TryGetValue(name, out var listed))
        {
            return listed;
        }

        // A type of this compilation is checked like any other code, whatever namespace it claims.
        return Namespaces.Contains(ns) && type.Locations.Length > 0 && type.Locations[0].IsInMetadata;
    }
}
