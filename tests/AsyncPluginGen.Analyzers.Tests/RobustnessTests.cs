using System.Collections.Immutable;
using AsyncPluginGen.Analyzers.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Tests;

/// <summary>Every analyzer runs over the generator's malformed-input corpus without throwing (no AD0001).</summary>
public sealed class RobustnessTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(Descriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static TheoryData<string> Cases => new(MalformedSources.Cases.Keys.Concat(PluginSources.All.Keys.Select(k => "valid:" + k)));

    [Fact]
    public void Both_analyzers_are_found()
    {
        Assert.Contains(Analyzers, a => a.GetType().Name == "PluginDeclarationAnalyzer");
        Assert.Contains(Analyzers, a => a.GetType().Name == "StatusHotPathAnalyzer");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Analyzers_never_throw(string name)
    {
        var sources = name.StartsWith("valid:", StringComparison.Ordinal)
            ? PluginSources.All[name["valid:".Length..]]
            : [MalformedSources.Cases[name].Source];
        var compilation = CSharpCompilation.Create(
            "Corpus",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12), path: $"Case{i}.cs")),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
