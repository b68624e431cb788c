using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using AsyncPluginGen.Generators;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Generators.Tests.Infrastructure;

/// <summary>Builds compilations of plugin source, runs the generator over them, and emits and loads the result.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(typeof(PhaseInfo).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
    ];

    public static CSharpCompilation CreateCompilation(string assemblyName, IEnumerable<MetadataReference>? extraReferences, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            extraReferences is null ? References : References.AddRange(extraReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation("Plugins", null, sources);

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new AsyncPluginGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once and returns the output compilation and everything the run reported.</summary>
    public static GeneratorOutcome Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutcome(compilation, output, generatorDiagnostics, driver.GetRunResult());
    }

    /// <summary>Runs the generator and fails on any generator diagnostic or any compilation error.</summary>
    public static GeneratorOutcome RunClean(params string[] sources)
    {
        var outcome = Run(CreateCompilation(sources));
        outcome.AssertNoErrors();
        return outcome;
    }

    /// <summary>Emits the compilation and loads it into a collectible context that resolves the runtime from the test's own context.</summary>
    public static Assembly EmitAndLoad(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(stream);
    }
}

/// <summary>The result of one generator run.</summary>
internal sealed record GeneratorOutcome(Compilation Input, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult RunResult)
{
    public IReadOnlyList<Diagnostic> OutputErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public IEnumerable<GeneratedSourceResult> GeneratedSources => RunResult.Results.SelectMany(r => r.GeneratedSources);

    public string Source(string hintName) =>
        GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IReadOnlyList<string> HintNames => GeneratedSources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal).ToList();

    public void AssertNoErrors()
    {
        Assert.Empty(GeneratorDiagnostics);
        Assert.All(RunResult.Results, r => Assert.Null(r.Exception));
        Assert.True(OutputErrors.Count == 0, "The output compilation has errors:" + Environment.NewLine + string.Join(Environment.NewLine, OutputErrors));
    }
}
