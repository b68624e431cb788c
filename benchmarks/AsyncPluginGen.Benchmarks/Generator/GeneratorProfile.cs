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

        // The IDE case: typing inside one plugin's file (a comment added to its end), so that tree changes too.
        var pluginTree = compilation.SyntaxTrees.First(t => t.FilePath == $"{SyntheticSources.ClassName(0)}.cs");
        var typed = pluginTree.WithChangedText(pluginTree.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new(pluginTree.Length, 0), "\n// typing")));
        var typing = TimeSpan.Zero;
        for (var run = 0; run < runs; run++)
        {
            Compilation input = compilation.ReplaceSyntaxTree(pluginTree, typed);
            input.GetDeclarationDiagnostics();
            var started = Stopwatch.GetTimestamp();
            warm.RunGenerators(input);
            if (run >= runs / 3)
            {
                typing += Stopwatch.GetElapsedTime(started);
            }
        }

        Console.WriteLine($"{measured} runs after typing in one plugin's file: {typing.TotalMilliseconds / measured:F2} ms per run");

        // The cold run over the same bound compilation, for the ratio the issue sets (incremental ≤ 10% of cold).
        var cold = TimeSpan.Zero;
        var coldRuns = Math.Max(3, runs / 5);
        for (var run = 0; run < coldRuns; run++)
        {
            Compilation input = compilation.ReplaceSyntaxTree(unrelated, edited);
            input.GetDeclarationDiagnostics();
            var started = Stopwatch.GetTimestamp();
            SyntheticProject.CreateDriver(trackSteps: track).RunGenerators(input);
            cold += Stopwatch.GetElapsedTime(started);
        }

        Console.WriteLine($"{coldRuns} cold runs over the same bound compilation: {cold.TotalMilliseconds / coldRuns:F2} ms per run (incremental / cold = {total.TotalMilliseconds / measured / (cold.TotalMilliseconds / coldRuns):F2})");
        foreach (var (name, time) in steps.OrderByDescending(s => s.Value))
        {
            Console.WriteLine($"  {name,-28} {time.TotalMilliseconds / measured,8:F2} ms");
        }

        return 0;
    }
}
