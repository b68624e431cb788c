using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Picks the constructor the generated factory calls: the accessible one with the most parameters (as
/// dependency injection does), its dependencies resolved from the service provider.
/// </summary>
internal static class ConstructorParser
{
    public static EquatableArray<ConstructorParameterModel>? Parse(INamedTypeSymbol type)
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

            // Optional value-type parameters keep their default; optional reference types are resolved when registered.
            if (parameter.HasExplicitDefaultValue && parameter.Type.IsValueType)
            {
                continue;
            }

            parameters.Add(new ConstructorParameterModel(
                SymbolExtensions.EscapeIdentifier(parameter.Name),
                parameter.Type.ToTypeName(),
                parameter.HasExplicitDefaultValue));
        }

        return parameters.ToEquatableArray();
    }

    private static bool IsRecordCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
        type.IsRecord && constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SameType(type);
}
