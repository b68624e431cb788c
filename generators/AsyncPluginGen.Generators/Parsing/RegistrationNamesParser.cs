using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Reads [assembly: PluginRegistration]. The generator and APG0016 share the identifier rule, so a name the
/// analyzer accepts is exactly a name the generator uses; an invalid one is dropped here and reported there.
/// </summary>
internal static class RegistrationNamesParser
{
    public const string MethodNameProperty = "MethodName";
    public const string ClassNameProperty = "ClassName";

    public static RegistrationNamesModel Parse(AttributeData attribute) => new(
        ValidOrNull(AttributeReader.NamedString(attribute, MethodNameProperty)),
        ValidOrNull(AttributeReader.NamedString(attribute, ClassNameProperty)));

    /// <summary>
    /// A name C# accepts as a method or class name without escaping: an identifier that is not a keyword
    /// (a verbatim <c>@name</c> would be a different spelling than the one callers type).
    /// </summary>
    public static bool IsValidName(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    private static string? ValidOrNull(string? name) => name is not null && IsValidName(name) ? name : null;
}
