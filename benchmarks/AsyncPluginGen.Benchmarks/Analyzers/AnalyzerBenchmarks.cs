using System.Collections.Immutable;
using AsyncPluginGen.Analyzers.Authoring;
using AsyncPluginGen.Analyzers.HotPath;
using AsyncPluginGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Benchmarks.Analyzers;

/// <summary>
/// Group 4: the APG analyzers on projects of 100 and 1,000 plugins whose handwritten Status goes through a chain of 5
/// helpers (the hot-path analyzer's default depth), with the generator's output in the compilation as in a build. The
/// baseline is the compiler alone producing its diagnostics, which binds every method body; the other row is the same
/// through <see cref="CompilationWithAnalyzers"/> with both analyzers, and with an analyzer that does nothing (the
/// driver's own cost, which any analyzer pays). Each run starts from a fresh copy of the
/// compilation (parsing excluded), single-threaded. The analyzers add less than the compiler's own binding time when the
/// ratio stays below 2.
/// </summary>
[MemoryDiagnoser]
[HeavyJob(warmupCount: 5)]
public class AnalyzerBenchmarks
{
    public const int HelperDepth = 5;

    private static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = [new PluginDeclarationAnalyzer(), new StatusHotPathAnalyzer()];

    private static readonly ImmutableArray<DiagnosticAnalyzer> Idle = [new IdleAnalyzer()];

    private static readonly CompilationWithAnalyzersOptions Options = new(
        new AnalyzerOptions([]),
        onAnalyzerException: null,
        concurrentAnalysis: false,
        logAnalyzerExecutionTime: false);

    private Compilation _compilation = null!;

    [ParamsSource(nameof(Sizes))]
    public int Plugins { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkMode.Pick([100, 1_000], [100]);

    [GlobalSetup]
    public void Setup()
    {
        var source = SyntheticProject.Create("Synthetic", SyntheticProject.HelperChainPlugins(Plugins, HelperDepth), SyntheticProject.ReferenceAssemblies);
        _compilation = SyntheticProject.Generate(source, Plugins);

        // The project is clean, so both rows do the same compiler work and the analyzers report nothing to sort.
        var diagnostics = CompilerAndAnalyzers();
        var unexpected = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(5).ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException("The synthetic project is expected to be clean: " + string.Join("; ", unexpected));
        }
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> CompilerOnly() => _compilation.Clone().GetDiagnostics();

    /// <summary>The floor: the analyzer driver with an analyzer that does nothing (<see cref="IdleAnalyzer"/>).</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> CompilerAndIdleAnalyzer() =>
        _compilation.Clone().WithAnalyzers(Idle, Options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    [Benchmark]
    public ImmutableArray<Diagnostic> CompilerAndAnalyzers() =>
        _compilation.Clone().WithAnalyzers(AllAnalyzers, Options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
}
