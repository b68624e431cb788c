using System.Collections.Immutable;
using System.Diagnostics;
using AsyncPluginGen.Analyzers.Authoring;
using AsyncPluginGen.Analyzers.HotPath;
using AsyncPluginGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Benchmarks.Analyzers;

/// <summary>
/// <c>analyzer-profile [plugins] [runs]</c>: the <see cref="AnalyzerBenchmarks"/> project, compiled with no analyzer,
/// with each APG analyzer alone and with both, in turns, so that each analyzer's share of the overhead shows (and a
/// loop long enough to attach <c>perf</c> to). Not a benchmark: BenchmarkDotNet's figures are the reference.
/// </summary>
internal static class AnalyzerProfile
{
    public static int Run(string[] args)
    {
        var plugins = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15;
        var source = SyntheticProject.Create("Synthetic", SyntheticProject.HelperChainPlugins(plugins, AnalyzerBenchmarks.HelperDepth), SyntheticProject.ReferenceAssemblies);
        var compilation = SyntheticProject.Generate(source, plugins);

        (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[] configurations =
        [
            ("compiler only", []),
            ("+ an analyzer that does nothing", [new IdleAnalyzer()]),
            ("+ PluginDeclarationAnalyzer", [new PluginDeclarationAnalyzer()]),
            ("+ StatusHotPathAnalyzer", [new StatusHotPathAnalyzer()]),
            ("+ both", [new PluginDeclarationAnalyzer(), new StatusHotPathAnalyzer()]),
        ];
        var totals = new TimeSpan[configurations.Length];
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < configurations.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                Compile(compilation, configurations[i].Analyzers);
                if (run >= runs / 3)
                {
                    totals[i] += Stopwatch.GetElapsedTime(started);
                }
            }
        }

        var measured = runs - (runs / 3);
        var baseline = totals[0].TotalMilliseconds / measured;
        Console.WriteLine($"{plugins} plugins, {measured} measured runs each, configurations interleaved:");
        for (var i = 0; i < configurations.Length; i++)
        {
            var mean = totals[i].TotalMilliseconds / measured;
            Console.WriteLine($"  {configurations[i].Name,-30} {mean,9:F1} ms  {mean / baseline:F2}x");
        }

        return 0;
    }

    private static ImmutableArray<Diagnostic> Compile(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        analyzers.IsEmpty
            ? compilation.Clone().GetDiagnostics()
            : compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
}
