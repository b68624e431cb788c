using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AsyncPluginGen.Generators.Parsing;

internal static class SymbolExtensions
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The namespace as C# source spells it, keywords escaped (<c>Bad.@event</c>); null for the global namespace.</summary>
    public static string? ToNamespaceDeclaration(this INamespaceSymbol ns) => ns.IsGlobalNamespace ? null : ns.ToDisplayString(NamespaceFormat);

    /// <summary>The dotted metadata name (<c>Bad.event.P</c>): no escapes, so it is usable in a hint name.</summary>
    public static string ToMetadataPath(this INamedTypeSymbol type)
    {
        var parts = new System.Collections.Generic.List<string> { type.MetadataName };
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            parts.Insert(0, ns.MetadataName);
        }

        return string.Join(".", parts);
    }

    /// <summary>Whether a nullable annotation appears anywhere in the type (<c>Task&lt;Res?&gt;</c>).</summary>
    public static bool ContainsNullableAnnotation(this ITypeSymbol type) => type switch
    {
        _ when type.NullableAnnotation == NullableAnnotation.Annotated => true,
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsNullableAnnotation),
        IArrayTypeSymbol array => array.ElementType.ContainsNullableAnnotation(),
        _ => false,
    };

    /// <summary>The fully qualified name with <c>global::</c>, without nullable annotations.</summary>
    public static string ToTypeName(this ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);

    public static bool SameType(this ITypeSymbol a, ITypeSymbol b) => SymbolEqualityComparer.Default.Equals(a, b);

    /// <summary>Whether the type can be named from generated code: no errors, no pointers, no type parameters, no nullable value types.</summary>
    public static bool IsUsableTypeArgument(this ITypeSymbol type) =>
        type.TypeKind is not (TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.TypeParameter or TypeKind.Dynamic)
        && !type.IsRefLikeType
        && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
        && type.SpecialType != SpecialType.System_Void;

    /// <summary>An identifier safe to emit, with <c>@</c> before keywords.</summary>
    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword ? "@" + name : name;

    public static bool IsAccessibleFromAssembly(this ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
}
