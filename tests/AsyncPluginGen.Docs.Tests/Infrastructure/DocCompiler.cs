extern alias generator;

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Docs.Tests.Infrastructure;

/// <summary>
/// Compiles doc blocks as a consumer's project would: C# with the SDK's implicit usings, nullable enabled, the source
/// generator run over them, and (for the rule pages) the analyzers. Each block's syntax tree is named after the page and
/// the line of its fence, so a diagnostic reads <c>docs/hosting.md:12(3,5): error CS0103 ...</c>.
/// </summary>
public static class DocCompiler
{
    /// <summary>The SDK's implicit usings for a console or library project (Microsoft.NET.Sdk).</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;

        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(LoadAnalyzers);

    /// <summary>Parses a block, naming the tree after its page and line.</summary>
    public static SyntaxTree Parse(DocBlock block) => CSharpSyntaxTree.ParseText(block.Code, ParseOptions, path: block.Where);

    /// <summary>Parses source that is not a block (implicit usings, a prelude), under the given name.</summary>
    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: path);

    /// <summary>Whether the block has top-level statements, so that it is a program to run.</summary>
    public static bool IsProgram(SyntaxTree tree) => tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

    /// <summary>Compiles the trees with the implicit usings, then runs the generator over the result.</summary>
    public static Compilation Compile(string assemblyName, IEnumerable<SyntaxTree> trees, bool program)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [Parse(ImplicitUsings, "ImplicitUsings.g.cs"), .. trees],
            DocReferences.References,
            new CSharpCompilationOptions(
                program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                // As the SDK does: the runtime's references to 8.0 assemblies bind to the 10.0 ones of this process.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        CSharpGeneratorDriver
            .Create([new generator::AsyncPluginGen.Generators.AsyncPluginGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return output;
    }

    /// <summary>Errors and warnings of the compilation (warnings are errors in a consumer's build too), one per line.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !d.IsSuppressed))
            .ToList();

    /// <summary>What the AsyncPluginGen analyzers report on the compilation.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Compilation compilation) =>
        await compilation.WithAnalyzers(Analyzers.Value).GetAnalyzerDiagnosticsAsync();

    /// <summary>Runs the analyzers with .editorconfig settings that apply to every file.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Compilation compilation, IReadOnlyDictionary<string, string> settings) =>
        settings.Count == 0
            ? await AnalyzeAsync(compilation)
            : await compilation.WithAnalyzers(Analyzers.Value, new AnalyzerOptions([], new AsyncPluginGen.Analyzers.Tests.Infrastructure.EditorConfigSettings(settings))).GetAnalyzerDiagnosticsAsync();

    /// <summary>Formats diagnostics for an assertion message.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers()
    {
        // The analyzers assembly is referenced under an alias, so its types (which share names with the generator's)
        // stay out of this project's scope; it is loaded by name and every analyzer in it instantiated.
        var assembly = Assembly.Load(new AssemblyName("AsyncPluginGen.Analyzers"));
        return
        [
            .. assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
        ];
    }
}
