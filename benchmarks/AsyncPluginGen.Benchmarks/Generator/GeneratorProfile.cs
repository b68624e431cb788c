using System.Diagnostics;
using AsyncPluginGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AsyncPluginGen.Benchmarks.Generator;

/// <summary>
/// <c>generator-profile [plugins] [runs] [untracked]</c>: the generator's incremental run with declarations bound (the
/// <see cref="GeneratorBenchmarks.IncrementalDeclarationsBound"/> case), repeated, with the time of each pipeline step
/// as the driver tracks it (<c>untracked</c> leaves tracking off). Not a benchmark: a loop long enough to attach <c>perf</c> to (run with
/// <c>DOTNET_PerfMapEnabled=1</c>), and a table that says which step the time goes to.
/// </summary>
internal static class GeneratorProfile
{
    public static int Run(string[] args)
    {
        var plugins = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;

        // Tracking the steps costs time of its own: "untracked" measures the run as the compiler makes it.
        var track = !args.Contains("untracked", StringComparer.Ordinal);

        var compilation = SyntheticProject.Create("Synthetic", SyntheticProject.MappedPlugins(plugins), SyntheticProject.ReferenceAssemblies);
        var unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == SyntheticSources.UnrelatedPath);
        var edited = CSharpSyntaxTree.ParseText(SyntheticSources.UnrelatedEdited, SyntheticProject.ParseOptions, path: SyntheticSources.UnrelatedPath);
        var warm = SyntheticProject.CreateDriver(trackSteps: track).RunGenerators(compilation);

        var total = TimeSpan.Zero;
        var steps = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (var run = 0; run < runs; run++)
        {
            Compilation input = compilation.ReplaceSyntaxTree(unrelated, edited);
            input.GetDeclarationDiagnostics();
            var started = Stopwatch.GetTimestamp();
            var result = warm.RunGenerators(input).GetRunResult().Results.Single();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (run < runs / 3)
            {
                continue; // warm-up
            }

            total += elapsed;
            foreach (var (name, runSteps) in result.TrackedSteps)
            {
                steps[name] = steps.GetValueOrDefault(name) + runSteps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.ElapsedTime);
            }
        }

        var measured = runs - (runs / 3);
        Console.WriteLine($"{plugins} plugins, {measured} incremental runs with declarations bound: {total.TotalMilliseconds / measured:F2} ms per run, {total.TotalMicroseconds / measured / plugins:F1} µs per plugin");
        foreach (var (name, time) in steps.OrderByDescending(s => s.Value))
        {
            Console.WriteLine($"  {name,-28} {time.TotalMilliseconds / measured,8:F2} ms");
        }

        return 0;
    }
}
