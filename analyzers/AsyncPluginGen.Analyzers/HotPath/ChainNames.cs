using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>How members appear in a call chain: as short as stays unambiguous for the reader of the message.</summary>
internal static class ChainNames
{
    private static readonly SymbolDisplayFormat QualifiedFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    /// <summary>
    /// A helper on the chain: its bare name when it lives next to the caller (<c>Helper</c>), qualified by its type
    /// otherwise (<c>Wrapper.Fetch</c>); constructors as <c>new Wrapper</c>, accessors by their property.
    /// </summary>
    public static string Callee(IMethodSymbol method, IMethodSymbol caller)
    {
        var sameType = SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, caller.ContainingType?.OriginalDefinition);
        switch (method.MethodKind)
        {
            case MethodKind.Constructor:
                return "new " + method.ContainingType?.Name;
            case MethodKind.LocalFunction:
                return method.Name;
            case MethodKind.PropertyGet:
            case MethodKind.PropertySet:
                var property = method.AssociatedSymbol?.Name ?? method.Name;
                var name = sameType ? property : method.ContainingType?.Name + "." + property;
                return method.MethodKind == MethodKind.PropertySet ? "set " + name : name;
            default:
                var simple = method.ExplicitInterfaceImplementations.Length > 0 ? method.ExplicitInterfaceImplementations[0].Name : method.Name;
                return sameType ? simple : method.ContainingType?.Name + "." + simple;
        }
    }

    /// <summary>A member without a body to follow: always <c>Type.Member</c>.</summary>
    public static string Member(IMethodSymbol method) =>
        method.MethodKind switch
        {
            MethodKind.PropertyGet or MethodKind.PropertySet => method.ContainingType?.Name + "." + (method.AssociatedSymbol?.Name ?? method.Name),
            MethodKind.Constructor => "new " + method.ContainingType?.Name,
            _ => method.ContainingType?.Name + "." + method.Name,
        };

    /// <summary>A delegate held in a field, as the chain names it: <c>Check</c> next to the caller, <c>Probes.Check</c> elsewhere.</summary>
    public static string Delegate(IOperation? receiver, IMethodSymbol caller) => receiver switch
    {
        IFieldReferenceOperation { Field: var field } => SymbolEqualityComparer.Default.Equals(field.ContainingType?.OriginalDefinition, caller.ContainingType?.OriginalDefinition)
            ? field.Name
            : field.ContainingType?.Name + "." + field.Name,
        ILocalReferenceOperation { Local: var local } => local.Name,
        _ => "delegate",
    };

    /// <summary>The member as <c>asyncplugingen.status.allowed_members</c> names it: <c>Namespace.Type.Member</c>.</summary>
    public static string Qualified(IMethodSymbol method)
    {
        var member = method.MethodKind switch
        {
            MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
            MethodKind.Constructor => "ctor",
            _ => method.Name,
        };
        var type = method.ContainingType?.OriginalDefinition;
        return type is null ? member : type.ToDisplayString(QualifiedFormat) + "." + member;
    }
}
