using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace AsyncPluginGen.Docs.Tests;

/// <summary>
/// Every C# block of README.md and docs/**/*.md is compiled, with the source generator, and run when it is a program,
/// so that no page drifts from the code again. A block is exempt only with a reason written above it
/// (<c>&lt;!-- snippet: not-compiled (why) --&gt;</c>); a block that mirrors a compiled file
/// (<c>&lt;!-- snippet: Name --&gt;</c>) must equal that file's <c>// &lt;snippet:Name&gt;</c> region.
/// <list type="bullet">
/// <item>On a rule page (docs/diagnostics/APGnnnn.md) each block is compiled on its own with the types the pages stand
/// on (<c>Preludes/DiagnosticPages.cs</c>), and the analyzers run: a block under "Bad" must report the page's rule, a
/// block under "Good" must not. A block that is a single attribute (how to suppress a rule) is compiled on a class.</item>
/// <item>On any other page the blocks without top-level statements form one compilation; each block with top-level
/// statements is a program, compiled with them and run. A <c>text</c> block marked <c>&lt;!-- snippet: output --&gt;</c>
/// right after a program lists lines its output must contain, in order. A page that says
/// <c>&lt;!-- snippets: with-readme-example --&gt;</c> compiles with README.md's example plugin too.</item>
/// </list>
/// </summary>
public sealed partial class DocExamplesTests(ITestOutputHelper output)
{
    public static TheoryData<string> Pages() => [.. MarkdownPages.All()];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_csharp_block_compiles_and_every_program_runs(string page)
    {
        var blocks = MarkdownPages.Blocks(page);
        var csharp = blocks.Where(b => b.Language is "csharp" or "cs" or "c#").ToList();
        Assert.All(csharp, b => Assert.True(b.Language == "csharp", $"{b.Where}: write the fence as ```csharp, the one language the docs tests look for"));

        var exempt = new List<DocBlock>();
        var mirrored = new List<DocBlock>();
        var compiled = new List<DocBlock>();
        foreach (var block in csharp)
        {
            if (SnippetDirective.IsNotCompiled(block, out var reason))
            {
                Assert.False(string.IsNullOrWhiteSpace(reason), $"{block.Where}: say why the block is not compiled");
                exempt.Add(block);
            }
            else if (SnippetDirective.MirroredRegion(block) is { } region)
            {
                AssertMirrorsCompiledRegion(block, region);
                mirrored.Add(block);
            }
            else
            {
                Assert.True(block.Directive is null, $"{block.Where}: unknown snippet directive '{block.Directive}'");
                compiled.Add(block);
            }
        }

        var programs = IsRulePage(page) ? await CheckRulePageAsync(page, compiled) : await CompileAndRunAsync(page, blocks, compiled);
        output.WriteLine($"{page}: {csharp.Count} C# blocks: {compiled.Count} compiled ({programs} run), {mirrored.Count} mirrored from compiled files, {exempt.Count} exempt");
        foreach (var block in exempt)
        {
            output.WriteLine($"  exempt {block.Where}: {block.Directive}");
        }
    }

    private static bool IsRulePage(string page) => RulePage().IsMatch(page);

    private static async Task<int> CompileAndRunAsync(string page, IReadOnlyList<DocBlock> all, List<DocBlock> compiled)
    {
        var trees = compiled.Select(b => (Block: b, Tree: DocCompiler.Parse(b))).ToList();
        var libraries = trees.Where(t => !DocCompiler.IsProgram(t.Tree)).Select(t => t.Tree).ToList();
        if (MarkdownPages.Read(page).Contains("<!-- snippets: with-readme-example -->", StringComparison.Ordinal))
        {
            var example = MarkdownPages.Blocks("README.md").Single(b => b.Section == "Writing a plugin" && b.Language == "csharp" && b.Code.Contains("[AsyncPlugin(", StringComparison.Ordinal));
            libraries.Insert(0, DocCompiler.Parse(example));
        }

        var assemblyName = libraries.SelectMany(t => t.GetCompilationUnitRoot().Members.OfType<BaseNamespaceDeclarationSyntax>()).Select(n => n.Name.ToString()).FirstOrDefault() ?? "DocExamples";
        var programs = trees.Where(t => DocCompiler.IsProgram(t.Tree)).ToList();
        if (programs.Count == 0 && libraries.Count > 0)
        {
            var library = DocCompiler.Compile(assemblyName, libraries, program: false);
            AssertClean(page, DocCompiler.Problems(library));
        }

        foreach (var (block, tree) in programs)
        {
            var program = DocCompiler.Compile(assemblyName, [.. libraries, tree], program: true);
            AssertClean(block.Where, DocCompiler.Problems(program));
            var printed = await ProgramRunner.RunAsync(program, block.Where);
            var next = all.SkipWhile(b => b != block).Skip(1).FirstOrDefault();
            if (next is not null && SnippetDirective.IsExpectedOutput(next))
            {
                AssertPrintsInOrder(block, next, printed);
            }
        }

        return programs.Count;
    }

    private static async Task<int> CheckRulePageAsync(string page, List<DocBlock> compiled)
    {
        var rule = RulePage().Match(page).Groups["id"].Value;
        var settings = RuleSettings(File.ReadAllText(Path.Combine(RepositoryRoot.Path, page)));
        var prelude = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "AsyncPluginGen.Docs.Tests", "Preludes", "DiagnosticPages.cs"));
        var failures = new List<string>();
        foreach (var block in compiled)
        {
            var failure = await Record.ExceptionAsync(() => CheckRuleBlockAsync(rule, prelude, block, settings));
            if (failure is not null)
            {
                failures.Add(failure.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
        return 0;
    }

    /// <summary>
    /// The .editorconfig settings a rule page's examples are analyzed with: <c>&lt;!-- rule-settings: key = value; ... --&gt;</c>
    /// on the page (a rule that reports only in strict mode, say), or none.
    /// </summary>
    private static IReadOnlyDictionary<string, string> RuleSettings(string text)
    {
        var match = RuleSettingsDirective().Match(text);
        return match.Success
            ? match.Groups["pairs"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal)
            : new Dictionary<string, string>();
    }

    private static async Task CheckRuleBlockAsync(string rule, string prelude, DocBlock block, IReadOnlyDictionary<string, string> settings)
    {
        {
            var tree = AttributeOnly().IsMatch(block.Code)
                ? DocCompiler.Parse(block.Code + "public sealed partial class AttributeTarget { }\n", block.Where)
                : DocCompiler.Parse(block);
            var compilation = DocCompiler.Compile("Contoso.Warehouse", [PreludeFor(prelude, tree), tree], program: false);
            AssertClean(block.Where, DocCompiler.Problems(compilation).Where(d => d.Severity == DiagnosticSeverity.Error));
            var reported = (await DocCompiler.AnalyzeAsync(compilation, settings)).Where(d => d.Id == rule && IsAbout(block, d)).ToList();
            if (block.Section == "Bad")
            {
                Assert.True(reported.Count > 0, $"{block.Where}: the Bad example does not report {rule}");
            }
            else if (block.Section == "Good")
            {
                Assert.True(reported.Count == 0, $"{block.Where}: the Good example reports {rule}:{Environment.NewLine}{DocCompiler.Describe(reported)}");
            }
        }
    }

    /// <summary>
    /// The prelude for one block: without the types the block declares itself, so the block's own versions win, except
    /// that the handler part of a plugin class stays, without its attributes, when the block's class of that name says
    /// "handlers" in a comment.
    /// </summary>
    private static SyntaxTree PreludeFor(string prelude, SyntaxTree block)
    {
        var declared = block.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>().ToLookup(t => t.Identifier.ValueText, StringComparer.Ordinal);
        var tree = DocCompiler.Parse(prelude, "Preludes/DiagnosticPages.cs");
        var root = tree.GetCompilationUnitRoot();
        var handlerParts = root.Members.OfType<ClassDeclarationSyntax>().Where(c => c.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword))).ToList();
        var dropped = root.Members.OfType<BaseTypeDeclarationSyntax>().Where(type => type is not ClassDeclarationSyntax c || !handlerParts.Contains(c)
            ? declared.Contains(type.Identifier.ValueText)
            : declared.Contains(type.Identifier.ValueText) && !declared[type.Identifier.ValueText].Any(HasHandlersPlaceholder)).ToList();
        var abridged = handlerParts.Where(c => declared[c.Identifier.ValueText].Any(HasHandlersPlaceholder)).ToList();
        root = root.ReplaceNodes(abridged, (original, _) => original.WithAttributeLists(default));
        root = root.RemoveNodes(root.Members.OfType<BaseTypeDeclarationSyntax>().Where(t => dropped.Any(d => d.Identifier.ValueText == t.Identifier.ValueText)), SyntaxRemoveOptions.KeepNoTrivia)!;
        return tree.WithRootAndOptions(root, tree.Options);
    }

    /// <summary>
    /// Whether a diagnostic is about the block: reported in it, or, when the block shows no plugin class (only a meta or
    /// a resource), on the prelude's plugin that the block's types complete.
    /// </summary>
    private static bool IsAbout(DocBlock block, Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath == block.Where
        || (!block.Code.Contains("[AsyncPlugin(", StringComparison.Ordinal) && !block.Code.Contains("[SyncPlugin(", StringComparison.Ordinal));

    private static bool HasHandlersPlaceholder(BaseTypeDeclarationSyntax type) =>
        type.DescendantTrivia().Any(t => t.ToString() is "/* handlers */" or "// handlers");

    private static void AssertMirrorsCompiledRegion(DocBlock block, string region)
    {
        var marker = $"// <snippet:{region}>\n";
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "samples"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: f, Text: File.ReadAllText(f).ReplaceLineEndings("\n")))
            .Where(s => s.Text.Contains(marker, StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count == 1, $"{block.Where}: mirrors snippet '{region}', which {sources.Count} compiled files under samples/ and src/ define (expected exactly one)");
        var text = sources[0].Text;
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = text.IndexOf($"// </snippet:{region}>", start, StringComparison.Ordinal);
        Assert.True(end >= 0, $"{sources[0].File}: snippet region '{region}' is not closed");
        Assert.True(text[start..end] == block.Code, $"{block.Where}: the block differs from snippet '{region}' of {Path.GetRelativePath(RepositoryRoot.Path, sources[0].File)}; copy the region into the page");
    }

    private static void AssertPrintsInOrder(DocBlock program, DocBlock expected, string printed)
    {
        var lines = printed.Split('\n');
        var at = 0;
        foreach (var line in expected.Code.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var found = Array.FindIndex(lines, at, l => l.TrimEnd() == line.TrimEnd());
            Assert.True(found >= 0, $"{program.Where}: the program's output lacks '{line}' (expected by {expected.Where}, in order); it printed:{Environment.NewLine}{printed}");
            at = found + 1;
        }
    }

    private static void AssertClean(string where, IEnumerable<Diagnostic> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{where}: the example does not compile cleanly:{Environment.NewLine}{DocCompiler.Describe(list)}");
    }

    /// <summary>A block that is one attribute, shown for the reader to put on a member or type: compiled on a class.</summary>
    [GeneratedRegex(@"\A\[[^\n]*\]\n\z")]
    private static partial Regex AttributeOnly();

    [GeneratedRegex(@"<!-- rule-settings: (?<pairs>.+?) -->")]
    private static partial Regex RuleSettingsDirective();

    [GeneratedRegex(@"^docs/diagnostics/(?<id>APG\d{4})\.md$")]
    private static partial Regex RulePage();
}
