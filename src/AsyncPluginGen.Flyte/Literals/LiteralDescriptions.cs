using System.Text.Json;
using Flyteidl.Core;

namespace AsyncPluginGen.Flyte.Literals;

/// <summary>Values and types in the words the mapping's messages use: Flyte's type names and the JSON kind of a value.</summary>
internal static class LiteralDescriptions
{
    /// <summary>A simple type as Flyte spells it (<c>INTEGER</c>, <c>DATETIME</c>).</summary>
    public static string Name(SimpleType type) => type.ToString().ToUpperInvariant();

    public static string Describe(LiteralType type) => type.TypeCase switch
    {
        LiteralType.TypeOneofCase.Simple => Name(type.Simple),
        LiteralType.TypeOneofCase.CollectionType => "list of " + Describe(type.CollectionType),
        LiteralType.TypeOneofCase.MapValueType => "map of " + Describe(type.MapValueType),
        LiteralType.TypeOneofCase.Blob => "blob",
        LiteralType.TypeOneofCase.Schema => "schema",
        LiteralType.TypeOneofCase.StructuredDatasetType => "structured dataset",
        LiteralType.TypeOneofCase.EnumType => "enum",
        LiteralType.TypeOneofCase.UnionType => "union",
        _ => "any",
    };

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    /// <summary>A user's text inside a message, cut short: an upstream error message can be megabytes long.</summary>
    public static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
