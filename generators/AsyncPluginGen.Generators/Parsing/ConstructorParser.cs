using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Picks the constructor the generated factory calls: the accessible one with the most parameters (as
/// dependency injection does), its dependencies and the class's <c>required</c> members resolved from the
/// service provider.
/// </summary>
internal static class ConstructorParser
{
    public sealed class Result
    {
        public Result(IMethodSymbol constructor, EquatableArray<ConstructorParameterModel> parameters, EquatableArray<ConstructorParameterModel> requiredMembers, List<ISymbol> members)
        {
            Constructor = constructor;
            Parameters = parameters;
            RequiredMembers = requiredMembers;
            Members = members;
        }

        public IMethodSymbol Constructor { get; }

        public EquatableArray<ConstructorParameterModel> Parameters { get; }

        public EquatableArray<ConstructorParameterModel> RequiredMembers { get; }

        /// <summary>The required members the factory sets, for the usage scan.</summary>
        public List<ISymbol> Members { get; }
    }

    public static Result? Parse(INamedTypeSymbol type)
    {
        var constructor = type.InstanceConstructors
            .Where(c => c.IsAccessibleFromAssembly() && !IsRecordCopyConstructor(type, c))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            return null;
        }

        var parameters = new List<ConstructorParameterModel>();
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams || !parameter.Type.IsUsableTypeArgument())
            {
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
        if (!constructor.HasAttribute("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"))
        {
            foreach (var member in RequiredMembers(type))
            {
                var (memberType, settable) = member switch
                {
                    IPropertySymbol p => (p.Type, p.SetMethod is { } setter && setter.IsAccessibleFromAssembly()),
                    IFieldSymbol f => (f.Type, !f.IsReadOnly),
                    _ => (null!, false),
                };

                // A required value is injected like a constructor dependency; one the container cannot supply stops generation.
                if (!settable || !member.IsAccessibleFromAssembly() || !memberType.IsReferenceType || !memberType.IsUsableTypeArgument())
                {
                    return null;
                }

                members.Add(member);
                required.Add(new ConstructorParameterModel(SymbolExtensions.EscapeIdentifier(member.Name), memberType.ToTypeName(), Optional: false));
            }
        }

        return new Result(constructor, parameters.ToEquatableArray(), required.ToEquatableArray(), members);
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
