extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using AsyncPluginGenerator = generator::AsyncPluginGen.Generators.AsyncPluginGenerator;

namespace AsyncPluginGen.Benchmarks.Infrastructure;

/// <summary>Builds compilations of synthetic plugin projects and runs the real generator over them, in memory.</summary>
internal static class SyntheticProject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>
    /// What the generator and analyzer benchmarks compile against: the running framework's assemblies, the AsyncPluginGen
    /// runtime, and the DI abstractions (so the generator emits the registration method). Not the .NET 8 reference
    /// assemblies: the DI abstractions this process loads are built for the running framework, and would not unify with
    /// .NET 8's System.Runtime (CS1705).
    /// </summary>
    public static readonly ImmutableArray<MetadataReference> ReferenceAssemblies =
        [.. FrameworkAssemblies().Concat([typeof(PhaseInfo).Assembly.Location, typeof(IServiceCollection).Assembly.Location]).Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];

    /// <summary>
    /// What an assembly that this process loads compiles against: the running framework's own assemblies (so the MEF
    /// attributes, built for this framework, bind without version conflicts), the runtime, the DI abstractions and MEF.
    /// </summary>
    public static ImmutableArray<MetadataReference> RuntimeReferences { get; } = CreateRuntimeReferences();

    /// <summary>
    /// A compilation of <paramref name="sources"/>, each its own file. Single-threaded, so that a benchmark measures
    /// work rather than how many cores were free.
    /// </summary>
    public static CSharpCompilation Create(string assemblyName, IEnumerable<(string Path, string Text)> sources, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.Path)),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                concurrentBuild: false,
                deterministic: true,
                // As the SDK does (NoWarn 1701;1702): the runtime's references are newer than the ones our libraries were built against.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    /// <summary>Shared types, the unrelated file, and <paramref name="count"/> plugins with generated Status.</summary>
    public static IEnumerable<(string Path, string Text)> MappedPlugins(int count, bool mefExport = false)
    {
        yield return ("Shared.cs", SyntheticSources.SharedTypes);
        yield return (SyntheticSources.UnrelatedPath, SyntheticSources.Unrelated);
        for (var i = 0; i < count; i++)
        {
            yield return ($"{SyntheticSources.ClassName(i)}.cs", SyntheticSources.MappedPlugin(i, mefExport));
        }
    }

    /// <summary>Shared types, the unrelated file, and <paramref name="count"/> plugins whose Status calls a chain of helpers.</summary>
    public static IEnumerable<(string Path, string Text)> HelperChainPlugins(int count, int depth)
    {
        yield return ("Shared.cs", SyntheticSources.SharedTypes);
        yield return (SyntheticSources.UnrelatedPath, SyntheticSources.Unrelated);
        for (var i = 0; i < count; i++)
        {
            yield return ($"{SyntheticSources.ClassName(i)}.cs", SyntheticSources.HelperChainPlugin(i, depth));
        }
    }

    /// <summary>A generator driver over the real generator, with step tracking off as in a build.</summary>
    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new AsyncPluginGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once and checks that it generated every plugin and that the result compiles.</summary>
    public static Compilation Generate(Compilation compilation, int expectedPlugins)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        var generated = result.GeneratedTrees.Length;
        var exceptions = result.Results.Select(r => r.Exception).OfType<Exception>().ToList();
        if (!diagnostics.IsEmpty || exceptions.Count > 0 || generated != (expectedPlugins * 2) + 1)
        {
            throw new InvalidOperationException(
                $"The generator produced {generated} files for {expectedPlugins} plugins (expected two each, the contract and the meta serializer, and a registry); " +
                $"diagnostics: {string.Join("; ", diagnostics)}; exceptions: {string.Join("; ", exceptions.Select(e => e.Message))}");
        }

        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated project does not compile: " + string.Join("; ", errors));
        }

        return output;
    }

    /// <summary>Emits a compilation to an in-memory image.</summary>
    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Emit failed: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return stream.ToArray();
    }

    private static IEnumerable<string> FrameworkAssemblies()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted.Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal));
    }

    private static ImmutableArray<MetadataReference> CreateRuntimeReferences()
    {
        var framework = FrameworkAssemblies();
        string[] extra =
        [
            typeof(PhaseInfo).Assembly.Location,
            typeof(IServiceCollection).Assembly.Location,
            typeof(System.Composition.ExportAttribute).Assembly.Location,
        ];
        return [.. framework.Concat(extra).Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    }
}
