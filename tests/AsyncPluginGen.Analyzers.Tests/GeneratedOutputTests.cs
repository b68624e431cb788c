extern alias generator;

using System.Collections.Immutable;
using AsyncPluginGen.Analyzers.Authoring;
using AsyncPluginGen.Analyzers.HotPath;
using AsyncPluginGen.Analyzers.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Tests;

/// <summary>
/// In the compiler and the IDE the analyzers see the generator's output too. What they report must not change because
/// of it: the generated part of a plugin implements IPlugin and adds reserved members, and must not be mistaken for
/// the author's own.
/// </summary>
public sealed class GeneratedOutputTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new PluginDeclarationAnalyzer(), new StatusHotPathAnalyzer()];

    public static TheoryData<string> Valid => new(PluginSources.All.Keys);

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task ValidPlugins_GetTheSameDiagnostics_WithAndWithoutTheGeneratedCode(string name)
    {
        var compilation = Compile(PluginSources.All[name]);
        var generated = Generate(compilation);
        Assert.True(generated.SyntaxTrees.Count() > compilation.SyntaxTrees.Count(), "the generator emitted nothing, so this test would prove nothing");

        var without = await AnalyzeAsync(compilation);
        var with = await AnalyzeAsync(generated);

        Assert.Equal(without, with);
        Assert.DoesNotContain(with, d => d.StartsWith("APG0002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHandwrittenIPlugin_IsStillReported_WhenTheGeneratedCodeIsPresent()
    {
        const string source = """
            using AsyncPluginGen;

            [AsyncPlugin("t")]
            [PhaseMapping("DONE", TaskPhase.Success)]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class HandMade : IPlugin
            {
                public PluginDescriptor Descriptor => throw null!;
                public string Create(TaskContext task) => "id";
                public Job Get(string id) => new("DONE");
                public void Delete(string id) { }
            }

            public sealed record Job([property: PhaseSource] string State);
            """;
        var compilation = Compile([source]);

        var with = await AnalyzeAsync(Generate(compilation));

        Assert.Contains(with, d => d.StartsWith("APG0002", StringComparison.Ordinal) && d.Contains("implements IPlugin by hand", StringComparison.Ordinal));
    }

    private static CSharpCompilation Compile(IEnumerable<string> sources) => CSharpCompilation.Create(
        "Plugins",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12), path: $"Plugin{i}.cs")),
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static Compilation Generate(CSharpCompilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create(
            [new generator::AsyncPluginGen.Generators.AsyncPluginGenerator().AsSourceGenerator()],
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return output;
    }

    private static async Task<string[]> AnalyzeAsync(Compilation compilation)
    {
        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToArray();
    }
}
