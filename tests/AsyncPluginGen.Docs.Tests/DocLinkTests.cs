using System.Text.RegularExpressions;

namespace AsyncPluginGen.Docs.Tests;

/// <summary>
/// Every relative link of README.md and docs/**/*.md points at a file or folder that exists, and every #anchor at a
/// heading of the target page, slugged as GitHub does (lower case, punctuation dropped, spaces to hyphens, repeats -1, -2).
/// </summary>
public sealed partial class DocLinkTests
{
    public static TheoryData<string> Pages() => [.. MarkdownPages.All()];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_and_anchor_resolves(string page)
    {
        var broken = new List<string>();
        var text = WithoutCode(MarkdownPages.Read(page));
        foreach (Match link in Link().Matches(text))
        {
            var target = link.Groups["target"].Value;
            if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.IgnoreCase))
            {
                continue; // https:, mailto: and the like are not ours to check offline
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = path.Length == 0 ? page : Path.GetRelativePath(RepositoryRoot.Path, Path.GetFullPath(Path.Combine(RepositoryRoot.Path, Path.GetDirectoryName(page) ?? string.Empty, path))).Replace('\\', '/');
            var full = Path.Combine(RepositoryRoot.Path, resolved);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"{page}: {target} (no {resolved})");
            }
            else if (anchor is not null && (!resolved.EndsWith(".md", StringComparison.Ordinal) || !Anchors(resolved).Contains(anchor)))
            {
                broken.Add($"{page}: {target} (no heading '#{anchor}' in {resolved})");
            }
        }

        Assert.True(broken.Count == 0, "Broken links:" + Environment.NewLine + string.Join(Environment.NewLine, broken));
    }

    [Theory]
    [InlineData("Writing a plugin", "writing-a-plugin")]
    [InlineData("How the ResourceMeta is serialized", "how-the-resourcemeta-is-serialized")]
    [InlineData("APG0001: Plugin class must be partial", "apg0001-plugin-class-must-be-partial")]
    [InlineData("`PluginConfigOverride` fields", "pluginconfigoverride-fields")]
    public void Slugs_are_GitHubs(string heading, string slug) => Assert.Equal(slug, Slug(heading));

    /// <summary>The anchors GitHub gives the page's headings.</summary>
    private static HashSet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutCode(MarkdownPages.Read(page))))
        {
            var slug = Slug(heading.Groups["text"].Value);
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    private static string Slug(string heading) =>
        string.Concat(heading.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');

    /// <summary>The text without fenced blocks, whose brackets and hashes are code, not links or headings.</summary>
    private static string WithoutCode(string text) => Fenced().Replace(text, string.Empty);

    [GeneratedRegex(@"(?<!!)\[[^\]\n]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fenced();
}
