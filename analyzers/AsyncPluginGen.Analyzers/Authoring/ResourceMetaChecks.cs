using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// APG0014: the host keeps a task's ResourceMeta across restarts by serializing it with System.Text.Json, so the
/// meta must be a concrete type of plain values.
/// </summary>
internal static class ResourceMetaChecks
{
    private static readonly HashSet<string> NotSerializable = new()
    {
        "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1", "System.Threading.Tasks.ValueTask", "System.Threading.Tasks.ValueTask`1",
        "System.Threading.CancellationToken", "System.IO.Stream", "System.Net.Http.HttpClient", "System.Net.Http.HttpResponseMessage",
        "System.Type", "System.IntPtr", "System.UIntPtr", "System.IServiceProvider", "System.Threading.Thread",
    };

    public static void Check(PluginUnderAnalysis plugin, ITypeSymbol meta)
    {
        var reason = Reason(meta, depth: 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));
        if (reason is not null)
        {
            var create = Generators.Parsing.HandlerParser.Candidates(plugin.Type, "Create").FirstOrDefault();
            plugin.Report(Descriptors.ResourceMetaNotSerializable, create?.Locations.FirstOrDefault(), meta.ToDisplayString(), plugin.Name, reason);
        }
    }

    private static string? Reason(ITypeSymbol type, int depth, HashSet<ITypeSymbol> visiting)
    {
        if (depth > 4 || !visiting.Add(type) || IsPlainValue(type))
        {
            return null;
        }

        var name = type.OriginalDefinition.ToDisplayString();
        if (NotSerializable.Contains(name) || DerivesFromAny(type) || IsDisposable(type))
        {
            // Clients, streams, sockets, token sources: anything that owns a resource is a live object.
            return $"'{type.ToDisplayString()}' is a live object, not data";
        }

        switch (type.TypeKind)
        {
            case TypeKind.Interface:
                return $"'{type.ToDisplayString()}' is an interface, so the host cannot know which type to create";
            case TypeKind.Delegate:
                return $"'{type.ToDisplayString()}' is a delegate";
            case TypeKind.Dynamic:
                return "'dynamic' has no shape to serialize";
        }

        if (type.SpecialType == SpecialType.System_Object)
        {
            return "'object' has no shape to serialize";
        }

        if (type.IsAbstract && type.TypeKind == TypeKind.Class)
        {
            return $"'{type.ToDisplayString()}' is abstract, so the host cannot know which type to create";
        }

        if (type.IsTupleType)
        {
            return "System.Text.Json does not serialize tuple elements";
        }

        if (type is IArrayTypeSymbol array)
        {
            return Reason(array.ElementType, depth + 1, visiting);
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        if (named.IsGenericType && named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
        {
            return named.TypeArguments.Select(a => Reason(a, depth + 1, visiting)).FirstOrDefault(r => r is not null);
        }

        if (named.TypeKind == TypeKind.Class && !named.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public))
        {
            return $"'{named.ToDisplayString()}' has no public constructor";
        }

        var properties = named.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public).ToList();
        if (properties.Count == 0 && named.TypeKind == TypeKind.Class)
        {
            return $"'{named.ToDisplayString()}' exposes no public properties, so nothing of it would be kept";
        }

        foreach (var property in properties)
        {
            var inner = Reason(property.Type, depth + 1, visiting);
            if (inner is not null)
            {
                return $"property '{property.Name}': {inner}";
            }
        }

        return null;
    }

    private static bool IsPlainValue(ITypeSymbol type)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return IsPlainValue(((INamedTypeSymbol)type).TypeArguments[0]);
        }

        return type.TypeKind == TypeKind.Enum
            || type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String
            || type.SpecialType == SpecialType.System_DateTime
            || type.ToDisplayString() is "System.Guid" or "System.DateTimeOffset" or "System.TimeSpan" or "System.Uri" or "System.DateOnly" or "System.TimeOnly";
    }

    private static bool IsDisposable(ITypeSymbol type) =>
        type.AllInterfaces.Any(i => i.ToDisplayString() is "System.IDisposable" or "System.IAsyncDisposable");

    private static bool DerivesFromAny(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (NotSerializable.Contains(current.OriginalDefinition.ToDisplayString()))
            {
                return true;
            }
        }

        return false;
    }
}
