using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AsyncPluginGen.Flyte.Literals;

/// <summary>
/// Where a value is, as <see cref="LiteralMappingException.Path"/> shows it (<c>inputs.orders[3].amount</c>), and the
/// nesting limit both directions of the mapping share.
/// </summary>
internal static class LiteralPath
{
    /// <summary>
    /// A member of an object or map: <c>parent.name</c> for a plain name, else <c>parent["the key"]</c>, so a key with a
    /// dot, a bracket or a space (map keys are arbitrary strings) cannot make two different places look the same.
    /// </summary>
    public static string Member(string parent, string name) =>
        IsPlainName(name)
            ? string.Concat(parent, ".", name)
            : string.Concat(parent, "[\"", JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), "\"]");

    /// <summary>An element of a collection: <c>parent[3]</c>.</summary>
    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>Refuses a value nested deeper than <see cref="LiteralJson.MaxDepth"/>, before recursion can exhaust the stack.</summary>
    public static void CheckDepth(int depth, string path)
    {
        if (depth > LiteralJson.MaxDepth)
        {
            throw new LiteralMappingException($"'{path}' nests deeper than {LiteralJson.MaxDepth} levels.", path);
        }
    }

    /// <summary>An ASCII identifier, as Flyte variable names are (Python identifiers, in practice ASCII).</summary>
    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
