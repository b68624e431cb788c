extern alias generator;

using AsyncPluginGen.Analyzers.Authoring;
using AsyncPluginGen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>
/// APG0014 and the generated ResourceMeta serializer read the same inspection: for every meta of a corpus, the
/// analyzer reports iff the generator emits no serializer, and a serializer, when emitted, compiles.
/// </summary>
public sealed class ResourceMetaParityTests
{
    /// <summary>Meta type, the types it needs, and whether it is serializable.</summary>
    public static TheoryData<string, string, bool> Corpus => new()
    {
        { "string", "", true },
        { "long", "", true },
        { "System.Guid", "", true },
        { "M", "public sealed record M(string Id, int? Attempt, System.DateTimeOffset At, System.TimeSpan Wait, System.Uri? Link, byte[] Raw, decimal Cost);", true },
        { "M", "public enum E { A, B } public sealed record M(E Kind, E? Maybe, System.Collections.Generic.List<E> All);", true },
        { "M", "public sealed record Inner(string X); public sealed record M(Inner A, Inner? B, Inner[] C, System.Collections.Generic.IReadOnlyList<Inner> D);", true },
        { "M", "public sealed record M(System.Collections.Generic.Dictionary<string, int> A, System.Collections.Generic.IReadOnlyDictionary<string, string?> B, System.Collections.Immutable.ImmutableArray<long> C, System.Collections.Generic.IList<char> D);", true },
        { "M", "public struct M { public M(int x) { X = x; } public int X { get; } }", true },
        { "M", "public sealed class M { public string? Name { get; set; } public int Count { get; init; } }", true },
        { "M", "public sealed record M(string Id) { public int Retries { get; init; } = 3; public string Computed => Id; }", true },
        { "M", "public sealed record M([property: System.Text.Json.Serialization.JsonIgnore] System.Net.Http.HttpClient? Client, string Id);", false },
        { "M", "public sealed class M { public M(string id) { Id = id; } public M() { Id = \"\"; } public string Id { get; } }", false },
        { "M", "public sealed class M { [System.Text.Json.Serialization.JsonConstructor] public M(string id) { Id = id; } public M() { Id = \"\"; } public string Id { get; } }", true },
        { "M", "public sealed record M(string Id, M? Parent);", false },
        { "M", "public sealed record N(M? Back); public sealed record M(string Id, N Next);", false },
        { "M", "public sealed record M(System.Collections.Generic.Dictionary<int, string> ByNumber);", false },
        { "M", "public sealed record M(System.Collections.Generic.HashSet<string> Set);", false },
        { "M", "public sealed record M(int[,] Grid);", false },
        { "M", "public sealed record M(object Anything);", false },
        { "M", "public sealed record M(System.Version Version);", false },
        { "M", "public sealed record M(System.DateOnly Day);", false },
        { "M", "public sealed record M(System.Action Callback);", false },
        { "M", "public sealed record M((int A, int B) Pair);", false },
        { "M", "public interface IM { } public sealed record M(IM Inner);", false },
        { "M", "public abstract record B(string Id); public sealed record M(B Base);", false },
        { "M", "public sealed class M { private M() { } public string Id { get; set; } = \"\"; }", false },
        { "M", "public sealed class M { public string Id => \"\"; }", false },
        { "M", "public sealed record M(string Id, System.Threading.CancellationTokenSource Cancel);", false },
        { "M", "public sealed record M(string Id, string ID);", false },
        { "M", "public sealed class M { public M(string other) { } public string Id { get; set; } = \"\"; }", false },
        { "M", "public sealed class M { public string Id { get; private set; } = \"\"; }", false },
        { "M", "public sealed record M(string Id) { public string Region { get; } = \"eu\"; }", false },
        { "M", "public sealed record M(string Id) { public int Attempt; }", false },
        { "M", "public sealed class M { public M(string id) { Id = id; } public string Id { get; private set; } }", true },
        { "M", "public sealed record M(string Id) { public string Url => Id; [System.Text.Json.Serialization.JsonIgnore] public int Hits; }", true },
        { "M", Nested(17), false },
        { "M", Nested(15), true },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task APG0014_reports_exactly_when_the_generator_emits_no_serializer(string metaType, string types, bool serializable)
    {
        var compilation = Compile(Plugin.Source(
            declaration: "public sealed partial class P",
            types: Plugin.Types.Replace("public sealed record Meta(string Id);\n", types + "\n", StringComparison.Ordinal),
            members: $"    public {metaType} Create(TaskContext task) => default!;\n"
                + $"    public Res Get({metaType} meta) => new(State.Done, null);\n"
                + $"    public void Delete({metaType} meta) {{ }}\n"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var driver = CSharpGeneratorDriver.Create([new generator::AsyncPluginGen.Generators.AsyncPluginGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var emitted = driver.GetRunResult().GeneratedTrees.Any(t => t.FilePath.EndsWith(".ResourceMetaSerializer.g.cs", StringComparison.Ordinal));
        var reported = (await compilation.WithAnalyzers([new PluginDeclarationAnalyzer()]).GetAnalyzerDiagnosticsAsync()).Where(d => d.Id == "APG0014").ToList();

        Assert.Equal(serializable, emitted);
        Assert.Equal(!emitted, reported.Count == 1);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>A record nested <paramref name="levels"/> deep, each level one object.</summary>
    private static string Nested(int levels) =>
        string.Concat(Enumerable.Range(1, levels - 1).Select(i => $"public sealed record L{i}(L{i + 1}? Next);"))
        + $"public sealed record L{levels}(string Leaf); public sealed record M(L1 First);";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
        "Plugins",
        [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Plugin.cs")],
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
