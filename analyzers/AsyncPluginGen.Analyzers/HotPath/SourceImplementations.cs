using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// For an interface, abstract or virtual member: the implementations and overrides declared in this compilation, the
/// code that may run when Status calls through it. Built once per compilation, on the first call that dispatches
/// (most compilations' Status never does), by one pass over the source types.
/// </summary>
internal sealed class SourceImplementations
{
    private readonly Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _byMember;

    private SourceImplementations(Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> byMember) => _byMember = byMember;

    /// <summary>The source implementations and overrides of <paramref name="member"/>, in declaration order.</summary>
    public ImmutableArray<IMethodSymbol> Of(IMethodSymbol member) =>
        _byMember.TryGetValue(member.OriginalDefinition, out var implementations) ? implementations : ImmutableArray<IMethodSymbol>.Empty;

    /// <summary>
    /// Whether <paramref name="implementation"/> can be what runs for a receiver of static type <paramref name="receiver"/>:
    /// declared in that type, a type derived from it, or one it derives from (inherited, not overridden on the way).
    /// </summary>
    public static bool MayRunFor(IMethodSymbol implementation, ITypeSymbol? receiver)
    {
        if (receiver is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || implementation.ContainingType is not { } declaring)
        {
            return true; // An interface, a type parameter, or no receiver: any implementation may run.
        }

        return DerivesFrom(declaring, type.OriginalDefinition) || DerivesFrom(type, declaring.OriginalDefinition);
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    public static SourceImplementations Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(compilation.Assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = types.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol nested)
                {
                    types.Push(nested);
                }
            }

            if (current is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
            {
                AddOverrides(type, found);
                AddInterfaceImplementations(type, found);
            }
        }

        var byMember = new Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(found.Count, SymbolEqualityComparer.Default);
        foreach (var entry in found)
        {
            byMember.Add(entry.Key, entry.Value.ToImmutableArray());
        }

        return new SourceImplementations(byMember);
    }

    private static void AddOverrides(INamedTypeSymbol type, Dictionary<IMethodSymbol, List<IMethodSymbol>> found)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { IsOverride: true } method)
            {
                // Every member up the chain may dispatch here: A.M → B.M → C.M, a call to A.M may run C.M.
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    Add(found, overridden, method);
                }
            }
        }
    }

    private static void AddInterfaceImplementations(INamedTypeSymbol type, Dictionary<IMethodSymbol, List<IMethodSymbol>> found)
    {
        if (type.IsAbstract)
        {
            return; // Its concrete subclasses answer for it (they find the abstract class's implementations too).
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false } required
                    && type.FindImplementationForInterfaceMember(required) is IMethodSymbol implementation
                    && !implementation.DeclaringSyntaxReferences.IsEmpty)
                {
                    Add(found, required, implementation);
                }
            }
        }
    }

    private static void Add(Dictionary<IMethodSymbol, List<IMethodSymbol>> found, IMethodSymbol member, IMethodSymbol implementation)
    {
        var key = member.OriginalDefinition;
        if (!found.TryGetValue(key, out var list))
        {
            list = new List<IMethodSymbol>();
            found.Add(key, list);
        }

        var definition = implementation.OriginalDefinition;
        foreach (var known in list)
        {
            if (SymbolEqualityComparer.Default.Equals(known, definition))
            {
                return;
            }
        }

        list.Add(definition);
    }
}
