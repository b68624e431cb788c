using System.Text.RegularExpressions;

namespace AsyncPluginGen.Docs.Tests.Infrastructure;

/// <summary>
/// What the HTML comment right above a code block says about it. A block without one is compiled. The comment is
/// invisible on GitHub, so the page reads the same; it only tells the docs tests what to do with the block.
/// </summary>
public static partial class SnippetDirective
{
    /// <summary>Whether the block is exempt from compilation, and why (the reason is required).</summary>
    public static bool IsNotCompiled(DocBlock block, out string reason)
    {
        var match = block.Directive is null ? Match.Empty : NotCompiled().Match(block.Directive);
        reason = match.Success ? match.Groups["reason"].Value.Trim() : string.Empty;
        return match.Success;
    }

    /// <summary>
    /// The name of the <c>// &lt;snippet:Name&gt;</c> region of a compiled source file that the block mirrors, or
    /// null: such blocks are compiled by their own project, and the test only checks that the text is the same.
    /// </summary>
    public static string? MirroredRegion(DocBlock block) =>
        block.Directive is not null && Mirror().Match(block.Directive) is { Success: true } match ? match.Groups["name"].Value : null;

    /// <summary>Whether the block is the expected output of the program block above it.</summary>
    public static bool IsExpectedOutput(DocBlock block) => block.Directive == "output";

    [GeneratedRegex(@"^not-compiled \((?<reason>.+)\)$")]
    private static partial Regex NotCompiled();

    [GeneratedRegex(@"^(?<name>[A-Z]\w*)$")]
    private static partial Regex Mirror();
}
