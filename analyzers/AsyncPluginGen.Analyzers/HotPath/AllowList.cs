using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Members Status may call without checks: marked [AllowInStatus] (on the member, its property, or a containing
/// type), or named in <c>asyncplugingen.status.allowed_members</c>. An allowed member is neither reported nor looked
/// into. Answers are cached per symbol because the same helpers are asked about from every Status.
/// </summary>
internal sealed class AllowList
{
    private readonly INamedTypeSymbol? _attribute;
    private readonly ImmutableHashSet<string> _names;
    private readonly ConcurrentDictionary<ISymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    public AllowList(INamedTypeSymbol? attribute, ImmutableHashSet<string> names)
    {
        _attribute = attribute;
        _names = names;
    }

    public bool IsAllowed(IMethodSymbol method)
    {
        if (_attribute is null && _names.IsEmpty)
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method.OriginalDefinition;
        if (!_answers.TryGetValue(definition, out var allowed))
        {
            allowed = Compute(definition);
            _answers.TryAdd(definition, allowed);
        }

        return allowed;
    }

    private bool Compute(IMethodSymbol method)
    {
        // Accessors answer for their property; local functions for the method (and type) they live in.
        ISymbol? member = method.AssociatedSymbol ?? method;
        if (HasAttribute(method) || (method.AssociatedSymbol is not null && HasAttribute(method.AssociatedSymbol)))
        {
            return true;
        }

        for (ISymbol? container = method.ContainingSymbol; container is not null and not INamespaceSymbol; container = container.ContainingSymbol)
        {
            if (HasAttribute(container))
            {
                return true;
            }
        }

        if (_names.IsEmpty)
        {
            return false;
        }

        while (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction } local)
        {
            member = local.ContainingSymbol;
        }

        if (member?.ContainingType is not { } type)
        {
            return false;
        }

        var typeName = QualifiedName(type);
        // Constructors may be written Type.ctor or Type..ctor.
        if (_names.Contains(typeName + "." + member.Name)
            || (member is IMethodSymbol { MethodKind: MethodKind.Constructor } && _names.Contains(typeName + ".ctor")))
        {
            return true;
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (_names.Contains(QualifiedName(current)))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasAttribute(ISymbol symbol)
    {
        if (_attribute is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Namespace.Outer.Inner</c>: no <c>global::</c>, no type arguments, as people write it in .editorconfig.</summary>
    private static string QualifiedName(INamedTypeSymbol type)
    {
        var text = new StringBuilder(type.Name);
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            text.Insert(0, outer.Name + ".");
        }

        for (var ns = (type.ContainingType ?? type).ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            text.Insert(0, ns.Name + ".");
        }

        return text.ToString();
    }
}
