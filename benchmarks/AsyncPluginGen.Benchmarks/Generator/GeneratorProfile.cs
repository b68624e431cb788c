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

        var steps = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var measured = runs - (runs / 3);
        var incremental = Time(runs, () => Bound(compilation.ReplaceSyntaxTree(unrelated, edited)), (input, measuring) =>
        {
            var tracked = warm.RunGenerators(input).GetRunResult().Results.Single().TrackedSteps;
            if (!measuring)
            {
                return;
            }

            foreach (var (name, runSteps) in tracked)
            {
                steps[name] = steps.GetValueOrDefault(name) + runSteps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.ElapsedTime);
            }
        });
        Console.WriteLine($"{plugins} plugins, {measured} incremental runs with declarations bound: {incremental.TotalMilliseconds:F2} ms per run, {incremental.TotalMicroseconds / plugins:F1} µs per plugin");

        // The IDE case: typing inside one plugin's handler body, so that tree changes too.
        var pluginTree = compilation.SyntaxTrees.First(t => t.FilePath == $"{SyntheticSources.ClassName(0)}.cs");
        var (find, replace) = SyntheticSources.PluginBodyEdit;
        var typed = pluginTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(pluginTree.ToString().Replace(find, replace, StringComparison.Ordinal)));
        var typing = Time(runs, () => Bound(compilation.ReplaceSyntaxTree(pluginTree, typed)), (input, _) => warm.RunGenerators(input));
        Console.WriteLine($"{measured} runs after typing in one plugin's handler body: {typing.TotalMilliseconds:F2} ms per run");

        // An edit that declares something (a method in the file without plugins): every plugin is inspected again.
        var declared = CSharpSyntaxTree.ParseText(SyntheticSources.UnrelatedDeclarationEdited, SyntheticProject.ParseOptions, path: SyntheticSources.UnrelatedPath);
        var declaring = Time(runs, () => Bound(compilation.ReplaceSyntaxTree(unrelated, declared)), (input, _) => warm.RunGenerators(input));
        Console.WriteLine($"{measured} runs after a declaration edit in the file without plugins: {declaring.TotalMilliseconds:F2} ms per run, {declaring.TotalMicroseconds / plugins:F1} µs per plugin");

        // The cold run over the same bound compilation, for the ratio the issue sets (incremental ≤ 10% of cold).
        var coldRuns = Math.Max(3, runs / 5);
        var cold = Time(coldRuns, () => Bound(compilation.ReplaceSyntaxTree(unrelated, edited)), (input, _) => SyntheticProject.CreateDriver(trackSteps: track).RunGenerators(input), warmUps: 0);
        Console.WriteLine($"{coldRuns} cold runs over the same bound compilation: {cold.TotalMilliseconds:F2} ms per run (incremental / cold = {incremental / cold:F2})");
        foreach (var (name, time) in steps.OrderByDescending(s => s.Value))
        {
            Console.WriteLine($"  {name,-28} {time.TotalMilliseconds / measured,8:F2} ms");
        }

        // The reference: the same incremental run for a generator that only reads each plugin's name and emits as many files.
        var floorWarm = CSharpGeneratorDriver.Create([new FloorGenerator().AsSourceGenerator()], parseOptions: SyntheticProject.ParseOptions).RunGenerators(compilation);
        var floor = Time(runs, () => Bound(compilation.ReplaceSyntaxTree(unrelated, edited)), (input, _) => floorWarm.RunGenerators(input));
        Console.WriteLine($"reference (ForAttributeWithMetadataName reading the name, two files per plugin): {floor.TotalMilliseconds:F2} ms per run, {floor.TotalMicroseconds / plugins:F1} µs per plugin (incremental / reference = {incremental / floor:F2})");
        return 0;
    }

    /// <summary>
    /// The mean time of <paramref name="run"/> over inputs made outside the measurement by <paramref name="input"/>;
    /// the first third of the runs (or <paramref name="warmUps"/>) are warm-up, which <paramref name="run"/> is told.
    /// </summary>
    private static TimeSpan Time(int runs, Func<Compilation> input, Action<Compilation, bool> run, int? warmUps = null)
    {
        var skip = warmUps ?? runs / 3;
        var total = TimeSpan.Zero;
        for (var i = 0; i < runs; i++)
        {
            var compilation = input();
            var started = Stopwatch.GetTimestamp();
            run(compilation, i >= skip);
            if (i >= skip)
            {
                total += Stopwatch.GetElapsedTime(started);
            }
        }

        return total / (runs - skip);
    }

    /// <summary>The compilation with its declarations bound, as the compiler has them before generators run.</summary>
    private static Compilation Bound(Compilation compilation)
    {
        compilation.GetDeclarationDiagnostics();
        return compilation;
    }
}
