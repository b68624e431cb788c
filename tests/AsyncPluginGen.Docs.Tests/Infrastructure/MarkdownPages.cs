using System.Text.RegularExpressions;

namespace AsyncPluginGen.Docs.Tests.Infrastructure;

/// <summary>The documentation pages (README.md and everything under docs/) and their fenced code blocks.</summary>
public static partial class MarkdownPages
{
    /// <summary>Every page, relative to the repository root, with forward slashes, in ordinal order.</summary>
    public static IReadOnlyList<string> All() =>
        [
            "README.md",
            .. Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal),
        ];

    /// <summary>The page's text.</summary>
    public static string Read(string document) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, document)).ReplaceLineEndings("\n");

    /// <summary>The page's fenced code blocks, in order.</summary>
    public static IReadOnlyList<DocBlock> Blocks(string document)
    {
        var lines = Read(document).Split('\n');
        var blocks = new List<DocBlock>();
        var section = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Heading().Match(lines[i]) is { Success: true } heading)
            {
                section = heading.Groups["text"].Value.Trim();
                continue;
            }

            if (Fence().Match(lines[i]) is not { Success: true } fence)
            {
                continue;
            }

            var start = i;
            var code = new System.Text.StringBuilder();
            for (i++; i < lines.Length && lines[i].TrimEnd() != fence.Groups["fence"].Value; i++)
            {
                code.Append(lines[i]).Append('\n');
            }

            blocks.Add(new DocBlock(document, start + 1, fence.Groups["lang"].Value, code.ToString(), DirectiveAbove(lines, start), section));
        }

        return blocks;
    }

    private static string? DirectiveAbove(string[] lines, int fence)
    {
        var above = fence - 1;
        while (above >= 0 && lines[above].Trim().Length == 0)
        {
            above--;
        }

        return above >= 0 && Directive().Match(lines[above].Trim()) is { Success: true } match ? match.Groups["text"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(?<fence>```+)(?<lang>[\w+-]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^<!-- snippet: (?<text>.+) -->$")]
    private static partial Regex Directive();
}
