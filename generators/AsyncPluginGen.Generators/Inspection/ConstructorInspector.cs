using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// Picks the constructor the generated factory calls: the accessible one with the most parameters (as dependency
/// injection does), its dependencies and the class's <c>required</c> members resolved from the service provider.
/// Returns why not when the factory could not be written; the class inspection reports that as APG0002.
/// </summary>
internal static class ConstructorInspector
{
    public static ConstructorChoice? Inspect(INamedTypeSymbol type, KnownTypes known, out string? reason)
    {
        reason = null;
        var constructor = type.InstanceConstructors
            .Where(c => c.IsAccessibleFromAssembly() && !IsRecordCopyConstructor(type, c))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            reason = "it has no public or internal constructor for the generated factory to call; add one";
            return null;
        }

        var parameters = new List<ConstructorParameterModel>();
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams || !parameter.Type.IsUsableTypeArgument())
            {
                reason = $"constructor parameter '{parameter.Name}' cannot be resolved from dependency injection (ref, params, pointer or nullable value type); take a service instead";
                return null;
            }

            if (parameter.HasExplicitDefaultValue)
            {
                // Only an optional, nullable dependency ("ILogger? log = null") is worth resolving; any other
                // optional parameter keeps the default its author chose.
                if (parameter.ExplicitDefaultValue is null && parameter.Type.IsReferenceType && parameter.Type.NullableAnnotation != NullableAnnotation.NotAnnotated)
                {
                    parameters.Add(new ConstructorParameterModel(SymbolExtensions.EscapeIdentifier(parameter.Name), parameter.Type.ToTypeName(), Optional: true));
                }

                continue;
            }

            parameters.Add(new ConstructorParameterModel(SymbolExtensions.EscapeIdentifier(parameter.Name), parameter.Type.ToTypeName(), Optional: false));
        }

        var members = new List<ISymbol>();
        var required = new List<ConstructorParameterModel>();
        if (!KnownTypes.HasAttribute(constructor, known.SetsRequiredMembersAttribute))
        {
            foreach (var member in RequiredMembers(type))
            {
                var (memberType, settable) = member switch
                {
                    IPropertySymbol p => (p.Type, p.SetMethod is { } setter && setter.IsAccessibleFromAssembly()),
                    IFieldSymbol f => (f.Type, !f.IsReadOnly),
                    _ => ((ITypeSymbol?)null, false),
                };

                // A required value is injected like a constructor dependency; one the container cannot supply stops generation.
                if (memberType is null || !settable || !member.IsAccessibleFromAssembly() || !memberType.IsReferenceType || !memberType.IsUsableTypeArgument())
                {
                    reason = $"required member '{member.Name}' cannot be set from dependency injection (only settable members of reference type can); set it in a constructor marked [SetsRequiredMembers]";
                    return null;
                }

                members.Add(member);
                required.Add(new ConstructorParameterModel(SymbolExtensions.EscapeIdentifier(member.Name), memberType.ToTypeName(), Optional: false));
            }
        }

        return new ConstructorChoice(constructor, parameters.ToEquatableArray(), required.ToEquatableArray(), members);
    }

    private static IEnumerable<ISymbol> RequiredMembers(INamedTypeSymbol type)
    {
        var names = new HashSet<string>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true } && names.Add(member.Name))
                {
                    yield return member;
                }
            }
        }
    }

    private static bool IsRecordCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
        type.IsRecord && constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SameType(type);
}
