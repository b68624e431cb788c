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
/// <item><see cref="TypingInPluginDeclarationsBound"/>: the IDE case of typing inside one plugin's handler body.</item>
/// <item><see cref="DeclarationEditDeclarationsBound"/>: an edit that declares something new (a method in the file
/// without plugins): the generator cannot know it changes no plugin without inspecting them all again.</item>
/// </list>
/// </summary>
/// <remarks>
/// Thirty warm-up iterations: the driver's node tables over our model types are generic code no ReadyToRun image
/// holds, jitted unoptimized first and optimized only after enough calls and a quiet moment, which the heavy iteration
/// setups (a new bound compilation each time) delay. With five, the 1,000-plugin incremental rows measured that
/// warm-up (seven iterations at 47–51 ms, then 7.6–13.8 ms); an IDE, which runs the driver on every keystroke, is past
/// it within seconds.
/// </remarks>
[MemoryDiagnoser]
[HeavyJob(warmupCount: 30)]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _unrelatedEdited = null!;
    private Compilation _input = null!;
    private SyntaxTree _unrelatedDeclarationEdited = null!;
    private SyntaxTree _plugin = null!;
    private SyntaxTree _pluginTyped = null!;

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
        _unrelatedDeclarationEdited = CSharpSyntaxTree.ParseText(SyntheticSources.UnrelatedDeclarationEdited, SyntheticProject.ParseOptions, path: SyntheticSources.UnrelatedPath);
        _plugin = _compilation.SyntaxTrees.First(t => t.FilePath == $"{SyntheticSources.ClassName(0)}.cs");
        var (find, replace) = SyntheticSources.PluginBodyEdit;
        var pluginText = _plugin.ToString();
        _pluginTyped = _plugin.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(pluginText.Replace(find, replace, StringComparison.Ordinal)));
        if (!pluginText.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The plugin body edit found nothing to edit.");
        }

        // The edit must leave the output as it was, or the incremental run would be measuring real work.
        var before = _warm.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToList();
        foreach (var edited in new[] { Edited(), _compilation.ReplaceSyntaxTree(_unrelated, _unrelatedDeclarationEdited), _compilation.ReplaceSyntaxTree(_plugin, _pluginTyped) })
        {
            var after = _warm.RunGenerators(edited).GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToList();
            if (before.Count != (Plugins * 2) + 1 || !before.SequenceEqual(after))
            {
                throw new InvalidOperationException("An edit that changes no plugin changed the generated output.");
            }
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

    [IterationSetup(Target = nameof(TypingInPluginDeclarationsBound))]
    public void BindTyped() => _input = Bind(_compilation.ReplaceSyntaxTree(_plugin, _pluginTyped));

    [IterationSetup(Target = nameof(DeclarationEditDeclarationsBound))]
    public void BindDeclarationEdited() => _input = Bind(_compilation.ReplaceSyntaxTree(_unrelated, _unrelatedDeclarationEdited));

    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => SyntheticProject.CreateDriver().RunGenerators(_input);

    [Benchmark]
    public GeneratorDriver Incremental() => _warm.RunGenerators(_input);

    [Benchmark]
    public GeneratorDriver ColdDeclarationsBound() => SyntheticProject.CreateDriver().RunGenerators(_input);

    [Benchmark]
    public GeneratorDriver IncrementalDeclarationsBound() => _warm.RunGenerators(_input);

    [Benchmark]
    public GeneratorDriver TypingInPluginDeclarationsBound() => _warm.RunGenerators(_input);

    [Benchmark]
    public GeneratorDriver DeclarationEditDeclarationsBound() => _warm.RunGenerators(_input);

    private Compilation Edited() => _compilation.ReplaceSyntaxTree(_unrelated, _unrelatedEdited);

    private static Compilation Bind(Compilation compilation)
    {
        compilation.GetDeclarationDiagnostics();
        return compilation;
    }
}
