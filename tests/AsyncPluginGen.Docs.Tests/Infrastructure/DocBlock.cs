namespace AsyncPluginGen.Docs.Tests.Infrastructure;

/// <summary>
/// One fenced code block of a Markdown page: where it is (for failure messages that point at the line to fix), its
/// language, its text, the <c>&lt;!-- snippet: ... --&gt;</c> directive just above it, and the heading it sits under.
/// </summary>
/// <param name="Document">The page, relative to the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The fence's info string (<c>csharp</c>, <c>text</c>, ...).</param>
/// <param name="Code">The block's text, every line ending in a line feed.</param>
/// <param name="Directive">The text of the snippet directive right above the fence, or null.</param>
/// <param name="Section">The text of the nearest heading above the block, or an empty string.</param>
public sealed record DocBlock(string Document, int Line, string Language, string Code, string? Directive, string Section)
{
    /// <summary>How failure messages name the block: the page and the line of its fence.</summary>
    public string Where => $"{Document}:{Line}";

    public override string ToString() => Where;
}
