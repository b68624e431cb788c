using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>Small symbol questions the catalogues ask at every call site, answered without allocating.</summary>
internal static class SymbolFacts
{
    /// <summary>Whether <paramref name="type"/> is <paramref name="target"/>, derives from it, or implements it.</summary>
    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        if (type is ITypeParameterSymbol parameter)
        {
            // A generic helper constrained to a network type calls that type's members.
            foreach (var constraint in parameter.ConstraintTypes)
            {
                if (IsOrDerivesFrom(constraint, target))
                {
                    return true;
                }
            }

            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        if (target.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the type's namespace is <paramref name="parts"/> or nested inside it (<c>Azure</c> matches <c>Azure.Storage.Blobs</c>).</summary>
    public static bool IsInNamespace(ITypeSymbol? type, params string[] parts)
    {
        if (type is null)
        {
            return false;
        }

        var outermost = type;
        while (outermost.ContainingType is not null)
        {
            outermost = outermost.ContainingType;
        }

        // Collect the namespace chain from the outside in, without building a string.
        var depth = 0;
        for (var ns = outermost.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            depth++;
        }

        if (depth < parts.Length)
        {
            return false;
        }

        var namespaceSymbol = outermost.ContainingNamespace;
        for (var skip = depth - parts.Length; skip > 0; skip--)
        {
            namespaceSymbol = namespaceSymbol!.ContainingNamespace;
        }

        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (namespaceSymbol is null || namespaceSymbol.Name != parts[i])
            {
                return false;
            }

            namespaceSymbol = namespaceSymbol.ContainingNamespace;
        }

        return true;
    }

    /// <summary><c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c> unwrapped to T; anything else unchanged.</summary>
    public static ITypeSymbol UnwrapTask(ITypeSymbol type, INamedTypeSymbol? taskOfT, INamedTypeSymbol? valueTaskOfT)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, taskOfT)
                || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, valueTaskOfT)))
        {
            return named.TypeArguments[0];
        }

        return type;
    }

    /// <summary>The receiver a call is made on, seen through the implicit conversions the compiler inserts.</summary>
    public static ITypeSymbol? TypeOf(IOperation? operation)
    {
        while (operation is Microsoft.CodeAnalysis.Operations.IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation?.Type;
    }
}
