using System.Collections.Generic;
using AsyncPluginGen.Generators.Inspection;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Finds the resource members marked [PhaseSource] or [PhaseMessage], walking base types, exactly as the generator
/// reads them: the inspection's one lookup, so the generator and the analyzers agree on what Status can read.
/// </summary>
internal static class ResourceMembers
{
    public static List<(ISymbol Member, ITypeSymbol Type)> With(ITypeSymbol type, INamedTypeSymbol? attribute)
    {
        var found = new List<(ISymbol, ITypeSymbol)>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || !KnownTypes.HasAttribute(member, attribute))
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol { IsIndexer: false } property:
                        found.Add((property, property.Type));
                        break;
                    case IFieldSymbol field:
                        found.Add((field, field.Type));
                        break;
                }
            }
        }

        return found;
    }

    public static bool IsReadable(ISymbol member) =>
        member.IsAccessibleFromAssembly()
        && (member is not IPropertySymbol property || (property.GetMethod is { } getter && getter.IsAccessibleFromAssembly()));
}
