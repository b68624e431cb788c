using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Tests;

// One file on purpose: the generator's whole bad-input contract, each test over the same corpus.

/// <summary>
/// The generator's contract on bad input: it never throws, never reports a diagnostic, and never emits code that
/// adds a compile error. For anything it cannot implement it emits nothing for that class, and a bad plugin never
/// keeps a good one from being generated.
/// </summary>
public sealed class MalformedInputTests
{
    /// <summary>Cases that declare a type where the registry must be declared; they leave no room for any registry.</summary>
    private static readonly HashSet<string> OccupiesRegistryNamespace = new(StringComparer.Ordinal) { "PluginClassNamedGeneratedInRuntimeNamespace" };

    private const string WarehouseHint = "Contoso.Warehouse.WarehousePlugin.g.cs";

    private const string SerializerSuffix = ".ResourceMetaSerializer.g.cs";

    private static bool IsSerializerFile(string hintName) => hintName.EndsWith(SerializerSuffix, StringComparison.Ordinal);

    public static TheoryData<string, string> Corpus => MalformedSources.Corpus;

    [Fact]
    public void The_corpus_is_large_enough_and_the_baseline_template_is_valid()
    {
        Assert.True(MalformedSources.Cases.Count >= 35, $"Only {MalformedSources.Cases.Count} cases.");

        // Without this, every "skipped" expectation could pass because the template itself is broken.
        var outcome = GeneratorHarness.RunClean(MalformedSources.Baseline);
        Assert.Equal([MalformedSources.RegistryHint, "Bad.P.ResourceMetaSerializer.g.cs", "Bad.P.g.cs"], outcome.HintNames);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Generator_neither_throws_nor_reports_nor_breaks_the_build(string name, string source)
    {
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        AssertGeneratorIsQuiet(name, outcome);
        AssertNoNewErrors(name, outcome);
    }

    /// <summary>
    /// Plugin projects build with warnings as errors too, and compiler warnings are reported in generated files
    /// (only analyzers skip them), so a warning the generated code causes breaks such builds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Corpus))]
    public void Generated_code_causes_no_compiler_warnings(string name, string source)
    {
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));
        var inputTrees = outcome.Input.SyntaxTrees.ToHashSet();

        var warnings = outcome.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !inputTrees.Contains(tree))
            .ToList();
        Assert.True(
            warnings.Count == 0,
            $"{name}: the generated code causes warnings:{Environment.NewLine}{Format(warnings)}{Environment.NewLine}{GeneratedText(outcome, warnings)}");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Generator_emits_exactly_the_expected_files(string name, string source)
    {
        var expected = MalformedSources.Cases[name];
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));
        var inputErrors = Errors(outcome.Input);

        // The corpus says whether each input compiles on its own; check it so that the expectations mean what they say.
        Assert.True(
            expected.InputCompiles == (inputErrors.Count == 0),
            $"{name}: the corpus says the input {(expected.InputCompiles ? "compiles" : "has errors")}, but its errors are:{Environment.NewLine}{Format(inputErrors)}");

        if (expected.Generated is null)
        {
            return;
        }

        var pluginFiles = outcome.HintNames.Where(h => h != MalformedSources.RegistryHint && !IsSerializerFile(h)).ToList();
        Assert.Equal(expected.Generated.OrderBy(h => h, StringComparer.Ordinal), pluginFiles);

        // A ResourceMeta serializer only ever comes with its plugin.
        Assert.All(outcome.HintNames.Where(IsSerializerFile), h => Assert.Contains(h.Replace(SerializerSuffix, ".g.cs", StringComparison.Ordinal), pluginFiles));

        // The registry exists exactly when some plugin was generated.
        Assert.Equal(expected.Generated.Length > 0, outcome.HintNames.Contains(MalformedSources.RegistryHint));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_bad_plugin_does_not_block_a_good_one(string name, string source)
    {
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source, PluginSources.EnumStates));
        if (OccupiesRegistryNamespace.Contains(name))
        {
            // A type named AsyncPluginGen.Generated makes "namespace AsyncPluginGen.Generated" invalid: the plugins are
            // still generated, the registry cannot be.
            Assert.Contains(WarehouseHint, outcome.HintNames);
            Assert.DoesNotContain(MalformedSources.RegistryHint, outcome.HintNames);
            AssertGeneratorIsQuiet(name, outcome);
            AssertNoNewErrors(name, outcome);
            return;
        }

        Assert.True(
            outcome.HintNames.Contains(WarehouseHint) && outcome.HintNames.Contains(MalformedSources.RegistryHint),
            $"{name}: the valid plugin was not generated. Generated: [{string.Join(", ", outcome.HintNames)}]; "
            + $"exception: {outcome.RunResult.Results.Select(r => r.Exception?.Message).FirstOrDefault(m => m is not null) ?? "none"}");
        var registry = outcome.Source(MalformedSources.RegistryHint);
        AssertRoutes(registry, "warehouse_query", "global::Contoso.Warehouse.WarehousePlugin");

        // The good plugin's code does not depend on its neighbours.
        var alone = GeneratorHarness.RunClean(PluginSources.EnumStates);
        Assert.Equal(alone.Source(WarehouseHint), outcome.Source(WarehouseHint));

        AssertGeneratorIsQuiet(name, outcome);
        AssertNoNewErrors(name, outcome);
    }

    [Fact]
    public void The_whole_corpus_in_one_compilation_does_not_block_a_good_plugin()
    {
        // Each case in its own namespace (and its global types renamed) so that the cases do not collide with each other.
        var sources = MalformedSources.Cases
            .Where(c => !OccupiesRegistryNamespace.Contains(c.Key))
            .Select(c => c.Value)
            .Select((c, i) => c.Source
                .Replace("namespace Bad", $"namespace Bad.Case{i}", StringComparison.Ordinal)
                .Replace("BadMeta", $"BadMeta{i}", StringComparison.Ordinal)
                .Replace("BadRes", $"BadRes{i}", StringComparison.Ordinal))
            .Append(PluginSources.EnumStates)
            .ToArray();

        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(sources));

        Assert.True(
            outcome.HintNames.Contains(WarehouseHint),
            $"The valid plugin was not generated; exception: {outcome.RunResult.Results.Select(r => r.Exception?.Message).FirstOrDefault(m => m is not null) ?? "none"}");
        AssertGeneratorIsQuiet("whole corpus", outcome);
        Assert.Equal(GeneratorHarness.RunClean(PluginSources.EnumStates).Source(WarehouseHint), outcome.Source(WarehouseHint));
        AssertRoutes(outcome.Source(MalformedSources.RegistryHint), "warehouse_query", "global::Contoso.Warehouse.WarehousePlugin");
    }

    [Fact]
    public void Two_plugins_with_the_same_task_type_are_both_generated_and_the_registry_routes_it_to_the_first()
    {
        var outcome = GeneratorHarness.RunClean(MalformedSources.Cases["TwoPluginsSameTaskType"].Source);

        Assert.Equal(
            [MalformedSources.RegistryHint, "Bad.First.ResourceMetaSerializer.g.cs", "Bad.First.g.cs", "Bad.Second.ResourceMetaSerializer.g.cs", "Bad.Second.g.cs"],
            outcome.HintNames);
        var registry = outcome.Source(MalformedSources.RegistryHint);
        AssertRoutes(registry, "dup", "global::Bad.First");
        AssertRoutes(registry, "other", "global::Bad.Second");

        // Both are in the Descriptors array (the lines that call the method, unlike the describer list's method groups).
        var descriptorLines = registry.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Describe", StringComparison.Ordinal) && l.EndsWith("(),", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Describe0_First(),", "Describe1_Second(),"], descriptorLines);
    }

    [Fact]
    public void Duplicate_task_types_in_one_attribute_are_declared_once()
    {
        var outcome = GeneratorHarness.RunClean(MalformedSources.Cases["DuplicateTaskTypesInOneAttribute"].Source);

        Assert.Contains("taskTypes: new string[] { \"same\", \"P\" },", outcome.Source("Bad.P.g.cs"), StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(outcome.Source(MalformedSources.RegistryHint), "TaskTypeRoute(\"same\","));
    }

    [Fact]
    public void A_class_with_both_attributes_becomes_the_async_plugin_only()
    {
        var outcome = GeneratorHarness.RunClean(MalformedSources.Cases["AsyncAndSyncAttributes"].Source);

        var plugin = outcome.Source("Bad.P.g.cs");
        Assert.Contains("global::AsyncPluginGen.IAsyncPlugin<global::Bad.Meta, global::Bad.Res>", plugin, StringComparison.Ordinal);
        Assert.DoesNotContain("ISyncPlugin", plugin, StringComparison.Ordinal);
        Assert.Contains("taskTypes: new string[] { \"a\" },", plugin, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_aliases_map_through_their_first_member()
    {
        var plugin = GeneratorHarness.RunClean(MalformedSources.Cases["EnumAliasesWithDifferentMappings"].Source).Source("Bad.P.g.cs");

        Assert.Contains("case global::Bad.Kind.A:", plugin, StringComparison.Ordinal);
        Assert.DoesNotContain("case global::Bad.Kind.B:", plugin, StringComparison.Ordinal);
        Assert.Contains("case global::Bad.Kind.C:", plugin, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_string_states_map_through_their_first_mapping()
    {
        var plugin = GeneratorHarness.RunClean(MalformedSources.Cases["DuplicatePhaseMappingStates"].Source).Source("Bad.P.g.cs");

        Assert.Equal(1, Occurrences(plugin, "case \"done\":"));
        Assert.Contains("case \"running\":", plugin, StringComparison.Ordinal);
        Assert.Contains("return global::AsyncPluginGen.PhaseInfo.Success(\"done\");", plugin, StringComparison.Ordinal);
        Assert.DoesNotContain("PhaseInfo.Failure", plugin, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handwritten_status_wins_over_a_phase_source()
    {
        var plugin = GeneratorHarness.RunClean(MalformedSources.Cases["StatusMethodAndPhaseSource"].Source).Source("Bad.P.g.cs");

        Assert.Contains("=> Status(context.Resource);", plugin, StringComparison.Ordinal);
        Assert.DoesNotContain("switch (state)", plugin, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_in_a_namespace_with_a_keyword_segment_is_generated()
    {
        // The hint name must not contain '@' (Roslyn rejects it); whatever it is, the plugin must be generated and compile.
        var outcome = GeneratorHarness.RunClean(MalformedSources.Cases["KeywordNamespace"].Source);

        var plugin = Assert.Single(outcome.HintNames, h => h != MalformedSources.RegistryHint && !IsSerializerFile(h));
        Assert.Contains("namespace Bad.@event", outcome.Source(plugin), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("My Plugins")]
    [InlineData("9lives")]
    [InlineData("a.b-c_d")]
    [InlineData("Ünïcødé.Plugins")]
    [InlineData("x&y<z>")]
    [InlineData("___")]
    public void Unusual_assembly_names_produce_a_compiling_registry(string assemblyName)
    {
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(assemblyName, (IEnumerable<MetadataReference>?)null, PluginSources.EnumStates));

        AssertGeneratorIsQuiet(assemblyName, outcome);
        outcome.AssertNoErrors();
        Assert.Contains(MalformedSources.RegistryHint, outcome.HintNames);
    }

    private static void AssertGeneratorIsQuiet(string name, GeneratorOutcome outcome)
    {
        foreach (var result in outcome.RunResult.Results)
        {
            Assert.True(result.Exception is null, $"{name}: the generator threw: {result.Exception}");
            Assert.True(result.Diagnostics.IsEmpty, $"{name}: the generator reported:{Environment.NewLine}{Format(result.Diagnostics)}");
        }

        Assert.True(outcome.GeneratorDiagnostics.IsEmpty, $"{name}: the driver reported:{Environment.NewLine}{Format(outcome.GeneratorDiagnostics)}");
        Assert.True(outcome.RunResult.Diagnostics.IsEmpty, $"{name}: the run reported:{Environment.NewLine}{Format(outcome.RunResult.Diagnostics)}");

        // CS8784 (generator failed to initialize) and CS8785 (generator threw) surface on the output compilation too.
        var generatorFailures = outcome.Output.GetDiagnostics().Where(d => d.Id is "CS8784" or "CS8785").ToList();
        Assert.True(generatorFailures.Count == 0, $"{name}:{Environment.NewLine}{Format(generatorFailures)}");
    }

    private static void AssertNoNewErrors(string name, GeneratorOutcome outcome)
    {
        var inputTrees = outcome.Input.SyntaxTrees.ToHashSet();
        var before = Errors(outcome.Input).Select(Key).ToHashSet();
        var after = Errors(outcome.Output);

        var inGeneratedCode = after.Where(d => d.Location.SourceTree is { } tree && !inputTrees.Contains(tree)).ToList();
        Assert.True(
            inGeneratedCode.Count == 0,
            $"{name}: generated code does not compile:{Environment.NewLine}{Format(inGeneratedCode)}{Environment.NewLine}{GeneratedText(outcome, inGeneratedCode)}");

        var added = after.Where(d => !before.Contains(Key(d))).ToList();
        Assert.True(added.Count == 0, $"{name}: the generated code adds errors:{Environment.NewLine}{Format(added)}");
    }

    private static List<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Identifies an error across the input and output compilations: id, file, span and message.</summary>
    private static (string Id, string? Path, int Start, int Length, string Message) Key(Diagnostic diagnostic) =>
        (diagnostic.Id,
         diagnostic.Location.SourceTree?.FilePath,
         diagnostic.Location.SourceSpan.Start,
         diagnostic.Location.SourceSpan.Length,
         diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

    private static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));

    /// <summary>The generated files an error is in, with line numbers, for the failure message.</summary>
    private static string GeneratedText(GeneratorOutcome outcome, IEnumerable<Diagnostic> errors)
    {
        var trees = errors.Select(d => d.Location.SourceTree).OfType<SyntaxTree>().Distinct();
        return string.Join(
            Environment.NewLine,
            trees.Select(t => $"--- {t.FilePath}{Environment.NewLine}" + string.Join(
                Environment.NewLine,
                t.GetText().Lines.Select(l => $"{l.LineNumber + 1,4}: {l}"))));
    }

    /// <summary>
    /// The registry routes <paramref name="taskType"/> to the method that reads <paramref name="pluginType"/>'s descriptor:
    /// the route and its describer stand at the same position of <c>Routes</c> and <c>RouteDescribers</c>.
    /// </summary>
    private static void AssertRoutes(string registry, string taskType, string pluginType)
    {
        var routes = System.Text.RegularExpressions.Regex.Matches(registry, "new global::AsyncPluginGen.TaskTypeRoute\\(\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        var describers = System.Text.RegularExpressions.Regex.Matches(registry, "^\\s*(Describe[0-9]+_\\w+),\\s*$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(routes.Count, describers.Count);
        var index = routes.IndexOf(taskType);
        Assert.True(index >= 0, $"No route for '{taskType}' in:\n{registry}");
        Assert.Contains($"{describers[index]}() => global::AsyncPluginGen.PluginDescriptor.Of<{pluginType}>();", registry, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
