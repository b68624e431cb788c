extern alias generator;

using System.Collections.Immutable;
using AsyncPluginGen.Analyzers.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>
/// The generator and the analyzers read one inspection, so they cannot disagree: over the whole malformed-input corpus,
/// every plugin class the generator emits nothing for is explained by an error, from an analyzer or (for input that
/// does not compile) from the compiler. A plugin silently missing from the build would otherwise only show at run time.
/// </summary>
public sealed class InspectionParityTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(Descriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static TheoryData<string> Cases => new(MalformedSources.Cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_plugin_the_generator_skips_has_an_error_diagnostic(string name)
    {
        var (skipped, _) = await Run(MalformedSources.Cases[name].Source);

        Assert.True(skipped.All(s => s.Explanations.Count > 0),
            $"{name}: the generator emits nothing for {string.Join(", ", skipped.Where(s => s.Explanations.Count == 0).Select(s => s.Plugin))}, and no error says why.");
    }

    /// <summary>The corpus cases the generator skips really do exercise the rule: each one is skipped, and explained by an analyzer.</summary>
    [Theory]
    [InlineData("NotPartial", "APG0001")]
    [InlineData("StaticClass", "APG0002")]
    [InlineData("ObsoleteErrorHandler", "APG0002")]
    [InlineData("ObsoleteErrorPluginClass", "APG0002")]
    [InlineData("MissingGet", "APG0003")]
    [InlineData("NearMissGetName", "APG0003")]
    [InlineData("DeleteWrongSignature", "APG0004")]
    [InlineData("TwoUsableResourceRequirements", "APG0005")]
    [InlineData("ResourceQuotaNullNamespace", "APG0009")]
    [InlineData("NoPhaseSourceNoStatus", "APG0012")]
    [InlineData("PhaseSourceOnInt", "APG0013")]
    [InlineData("DefaultPhaseOutOfRange", "APG0015")]
    [InlineData("PhaseMappingNullState", "APG0015")]
    [InlineData("PhaseOutOfRange", "APG0015")]
    [InlineData("RequiredValueTypeMember", "APG0002")]
    public async Task Skipped_cases_are_explained_by_the_analyzer_rule(string name, string id)
    {
        var (skipped, _) = await Run(MalformedSources.Cases[name].Source);

        var plugin = Assert.Single(skipped);
        Assert.Contains(plugin.Explanations, d => d.Id == id);
    }

    [Fact]
    public async Task Conflicting_phases_for_one_state_are_an_error_and_the_first_mapping_is_generated()
    {
        var (skipped, diagnostics) = await Run(MalformedSources.Cases["EnumAliasesWithDifferentMappings"].Source);

        Assert.Empty(skipped);
        var conflict = Assert.Single(diagnostics, d => d.Id == "APG0015" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("has the same value as 'A'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Error, conflict.Severity);
    }

    /// <summary>
    /// An unusable [TaskInfoSource] costs the phases their details, not the plugin: the generator still emits it, and the
    /// analyzers warn (an error would claim the plugin is broken).
    /// </summary>
    [Theory]
    [InlineData("TaskInfoSourceOnString")]
    [InlineData("TwoTaskInfoSources")]
    [InlineData("TaskInfoSourceNotReadable")]
    [InlineData("TaskInfoSourceWithHandwrittenStatus")]
    public async Task An_ignored_task_info_source_is_a_warning_and_the_plugin_is_generated(string name)
    {
        var (skipped, diagnostics) = await Run(MalformedSources.Cases[name].Source);

        Assert.Empty(skipped);
        Assert.Contains(diagnostics, d => d.Id == "APG0018" && d.Severity == DiagnosticSeverity.Warning);
    }

    private sealed record Skipped(string Plugin, List<Diagnostic> Explanations);

    /// <summary>Runs the generator, then every analyzer over the generator's output (as a build does).</summary>
    private static async Task<(List<Skipped> Skipped, ImmutableArray<Diagnostic> AnalyzerDiagnostics)> Run(string source)
    {
        var input = CSharpCompilation.Create(
            "Corpus",
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Case.cs")],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new generator::AsyncPluginGen.Generators.AsyncPluginGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var generatedTrees = output.SyntaxTrees.Except(input.SyntaxTrees).ToHashSet();
        var analyzerDiagnostics = await output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        var compilerErrors = input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var analyzerErrors = analyzerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        var asyncAttribute = output.GetTypeByMetadataName("AsyncPluginGen.AsyncPluginAttribute");
        var syncAttribute = output.GetTypeByMetadataName("AsyncPluginGen.SyncPluginAttribute");
        var types = Types(output.Assembly.GlobalNamespace).ToList();
        bool IsPlugin(INamedTypeSymbol type) => type.GetAttributes().Any(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, asyncAttribute) || SymbolEqualityComparer.Default.Equals(a.AttributeClass, syncAttribute));

        // A problem can sit on the state enum or the resource rather than the plugin: diagnostics on the case's other
        // (non-plugin) types explain its plugins too.
        var helperSpans = types.Where(t => !IsPlugin(t)).SelectMany(t => t.DeclaringSyntaxReferences).Where(r => !generatedTrees.Contains(r.SyntaxTree)).ToList();
        var skipped = new List<Skipped>();
        foreach (var plugin in types.Where(IsPlugin))
        {
            var declarations = plugin.DeclaringSyntaxReferences.Where(r => !generatedTrees.Contains(r.SyntaxTree)).ToList();
            if (plugin.DeclaringSyntaxReferences.Any(r => generatedTrees.Contains(r.SyntaxTree)))
            {
                continue;
            }

            bool In(Diagnostic d, IEnumerable<SyntaxReference> references) =>
                references.Any(r => r.SyntaxTree == d.Location.SourceTree && r.Span.Contains(d.Location.SourceSpan));
            var explanations = analyzerErrors
                .Where(d => In(d, declarations) || In(d, helperSpans) || d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains($"'{plugin.Name}'", StringComparison.Ordinal))
                .Concat(compilerErrors.Where(d => In(d, declarations)))
                .ToList();
            skipped.Add(new Skipped(plugin.ToDisplayString(), explanations));
        }

        return (skipped, analyzerDiagnostics);
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in Types(child))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
            {
                yield return type;
                foreach (var nested in type.GetTypeMembers())
                {
                    yield return nested;
                }
            }
        }
    }
}
