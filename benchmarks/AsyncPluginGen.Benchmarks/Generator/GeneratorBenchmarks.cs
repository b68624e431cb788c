using AsyncPluginGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AsyncPluginGen.Benchmarks.Generator;

/// <summary>
/// Group 3: the source generator on synthetic projects of 10, 100 and 1,000 plugins (one file each), driven by
/// <see cref="CSharpGeneratorDriver"/> as the compiler and the IDE drive it.
/// <list type="bullet">
/// <item><see cref="Cold"/> (the baseline): a new driver over a fresh copy of the compilation, whose symbols are not yet
/// bound (parsing excluded: the compiler parses anyway).</item>
/// <item><see cref="Incremental"/>: the driver that already ran, over the compilation after an edit to a method body in
/// a file without plugins (what most keystrokes in an IDE are). A new compilation, so its symbols are not bound either.</item>
/// <item>The two <c>DeclarationsBound</c> rows repeat both after the compiler has bound the compilation's declarations
/// (outside the measurement), leaving the generator's own share: binding the declarations is work the compiler does
/// for any compilation, and the generator's semantic steps are the first to ask for it.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[HeavyJob(warmupCount: 5)]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _unrelatedEdited = null!;
    private Compilation _input = null!;

    [ParamsSource(nameof(Sizes))]
    public int Plugins { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkMode.Pick([10, 100, 1_000], [100]);

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticProject.Create("Synthetic", SyntheticProject.MappedPlugins(Plugins), SyntheticProject.ReferenceAssemblies);
        SyntheticProject.Generate(_compilation, Plugins);
        _warm = SyntheticProject.CreateDriver().RunGenerators(_compilation);
        _unrelated = _compilation.SyntaxTrees.Single(t => t.FilePath == SyntheticSources.UnrelatedPath);
        _unrelatedEdited = CSharpSyntaxTree.ParseText(SyntheticSources.UnrelatedEdited, SyntheticProject.ParseOptions, path: SyntheticSources.UnrelatedPath);

        // The edit must leave the output as it was, or the incremental run would be measuring real work.
        var before = _warm.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToList();
        var after = _warm.RunGenerators(Edited()).GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToList();
        if (before.Count != (Plugins * 2) + 1 || !before.SequenceEqual(after))
        {
            throw new InvalidOperationException("The unrelated edit changed the generated output.");
        }
    }

    // Each run gets its compilation ready outside the measurement: a fresh copy, or the edited one, bound or not.
    [IterationSetup(Target = nameof(Cold))]
    public void Copy() => _input = _compilation.Clone();

    [IterationSetup(Target = nameof(Incremental))]
    public void Edit() => _input = Edited();

    [IterationSetup(Target = nameof(ColdDeclarationsBound))]
    public void BindCopy() => _input = Bind(_compilation.Clone());

    [IterationSetup(Target = nameof(IncrementalDeclarationsBound))]
    public void BindEdited() => _input = Bind(Edited());

    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => SyntheticProject.CreateDriver().RunGenerators(_input);

    [Benchmark]
    public GeneratorDriver Incremental() => _warm.RunGenerators(_input);

    [Benchmark]
    public GeneratorDriver ColdDeclarationsBound() => SyntheticProject.CreateDriver().RunGenerators(_input);

    [Benchmark]
    public GeneratorDriver IncrementalDeclarationsBound() => _warm.RunGenerators(_input);

    private Compilation Edited() => _compilation.ReplaceSyntaxTree(_unrelated, _unrelatedEdited);

    private static Compilation Bind(Compilation compilation)
    {
        compilation.GetDeclarationDiagnostics();
        return compilation;
    }
}
