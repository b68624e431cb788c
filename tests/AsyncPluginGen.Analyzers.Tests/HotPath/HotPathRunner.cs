using System.Collections.Concurrent;
using System.Collections.Immutable;
using AsyncPluginGen.Analyzers.HotPath;
using AsyncPluginGen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>
/// Runs the analyzer without the verifier, for what the verifier cannot check: diagnostic properties (the code-fix
/// contract), exact spans, and large sources where writing every expected result out is not the point.
/// </summary>
internal static class HotPathRunner
{
    public static Task<ImmutableArray<Diagnostic>> RunAsync(params string[] sources) => RunAsync(allowCompilerErrors: false, sources);

    /// <summary>Runs the analyzer; with <paramref name="allowCompilerErrors"/>, over code that does not compile (as in the IDE, mid-edit).</summary>
    public static Task<ImmutableArray<Diagnostic>> RunAsync(bool allowCompilerErrors, params string[] sources) =>
        RunAsync(allowCompilerErrors, ImmutableDictionary<string, string>.Empty, sources);

    /// <summary>Runs the analyzer with .editorconfig settings (<paramref name="settings"/>: key to value, for every file).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(bool allowCompilerErrors, ImmutableDictionary<string, string> settings, params string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parse, path: $"/0/Test{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create(
            "HotPathTest",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(allowCompilerErrors || errors.Count == 0, "The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));

        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new AsyncPluginGen.Analyzers.Tests.Infrastructure.EditorConfigSettings(settings)),
            (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StatusHotPathAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>The source text a diagnostic covers.</summary>
    public static string Text(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
