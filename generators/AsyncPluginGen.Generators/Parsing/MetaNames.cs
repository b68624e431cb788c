namespace AsyncPluginGen.Generators.Parsing;

/// <summary>How C# member names become JSON names.</summary>
internal static class MetaNames
{
    /// <summary>
    /// camelCase exactly as System.Text.Json's <c>JsonNamingPolicy.CamelCase</c> does it (<c>JobId</c> → <c>jobId</c>,
    /// <c>URLValue</c> → <c>urlValue</c>), so metas look like the JSON the rest of .NET writes.
    /// </summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
