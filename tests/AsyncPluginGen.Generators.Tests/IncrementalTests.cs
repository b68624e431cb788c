using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Steps = AsyncPluginGen.Generators.AsyncPluginGenerator.Steps;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// The pipeline caches: an edit that changes no plugin reruns nothing downstream, a mapping change regenerates
/// only its plugin, a task-type change regenerates the registry; and the output is deterministic.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps = [Steps.AsyncPlugins, Steps.SyncPlugins, Steps.MetaSerializers, Steps.RegistryInputs, Steps.RegistrationNames, Steps.Registry];

    private const string WarehouseHint = "Contoso.Warehouse.WarehousePlugin.g.cs";
    private const string JobHint = "Contoso.Jobs.JobPlugin.g.cs";
    private const string WarehouseSerializerHint = "Contoso.Warehouse.WarehousePlugin.ResourceMetaSerializer.g.cs";
    private const string RegistryHint = "AsyncPluginGen.PluginRegistry.g.cs";

    private const string UnrelatedPath = "Unrelated.cs";

    private const string Unrelated = """
        namespace Contoso.Other;

        // A helper the generator has nothing to do with.
        public static class Helper
        {
            public static int Twice(int value) => value * 2;
        }
        """;

    /// <summary>Edits that leave every plugin as it is.</summary>
    public static TheoryData<string> UnrelatedEdits => new()
    {
        "AddTree",
        "MethodBodyInNonPluginFile",
        "CommentInNonPluginFile",
        "MethodBodyInPluginFile",
        "CommentInPluginFile",
    };

    [Theory]
    [MemberData(nameof(UnrelatedEdits))]
    public void An_edit_that_changes_no_plugin_keeps_every_step_and_output_cached(string edit)
    {
        var (driver, compilation) = FirstRun();
        var before = Sources(driver);

        var edited = edit switch
        {
            "AddTree" => compilation.AddSyntaxTrees(Parse("namespace Contoso.Added; public sealed class Added { public int Value; }", "Added.cs")),
            "MethodBodyInNonPluginFile" => Edit(compilation, UnrelatedPath, "value * 2", "value + value"),
            "CommentInNonPluginFile" => Edit(compilation, UnrelatedPath, "// A helper the generator has nothing to do with.", "// An edited comment."),
            "MethodBodyInPluginFile" => Edit(compilation, TreeContaining(compilation, "WarehousePlugin"), "Creates++;", "Creates += 1;"),
            "CommentInPluginFile" => Edit(compilation, TreeContaining(compilation, "JobPlugin"), "namespace Contoso.Jobs;", "// A comment.\nnamespace Contoso.Jobs;"),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
        };
        driver = driver.RunGenerators(edited);
        var run = driver.GetRunResult().Results.Single();

        Assert.Null(run.Exception);
        foreach (var step in TrackedSteps)
        {
            foreach (var (value, reason) in Outputs(run, step))
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{edit}: step {step} output {Describe(value)} is {reason}.");
            }
        }

        var sourceOutputs = run.TrackedOutputSteps[OutputKey].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{edit}: a source output is {o.Reason}."));
        Assert.Equal(before, Sources(driver));
    }

    [Fact]
    public void Changing_a_phase_mapping_regenerates_that_plugin_only_and_keeps_the_registry_cached()
    {
        var (driver, compilation) = FirstRun();
        var before = Sources(driver);

        var edited = Edit(compilation, TreeContaining(compilation, "WarehousePlugin"), "[Phase(TaskPhase.Queued)] Pending", "[Phase(TaskPhase.Initializing)] Pending");
        driver = driver.RunGenerators(edited);
        var run = driver.GetRunResult().Results.Single();

        Assert.Null(run.Exception);
        var plugins = Outputs(run, Steps.AsyncPlugins).Select(o => (Model: Assert.IsType<PluginModel>(o.Value), o.Reason)).ToList();
        var warehouse = Assert.Single(plugins, p => p.Model.ClassName == "WarehousePlugin");
        Assert.Equal(IncrementalStepRunReason.Modified, warehouse.Reason);
        var status = Assert.IsType<EnumStatusModel>(Assert.IsType<AsyncHandlersModel>(warehouse.Model.Handlers).Status);
        Assert.Contains(status.Cases, c => c.State == "Pending" && c.Phase == "Initializing");
        var job = Assert.Single(plugins, p => p.Model.ClassName == "JobPlugin");
        Assert.True(job.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"JobPlugin is {job.Reason}.");

        foreach (var step in new[] { Steps.RegistryInputs, Steps.Registry, Steps.MetaSerializers })
        {
            Assert.All(Outputs(run, step), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} is {o.Reason} though no task type or meta changed."));
        }

        var after = Sources(driver);
        Assert.NotEqual(before[WarehouseHint], after[WarehouseHint]);
        Assert.Contains("PhaseInfo.Initializing(", after[WarehouseHint], StringComparison.Ordinal);
        Assert.DoesNotContain("PhaseInfo.Initializing(", before[WarehouseHint], StringComparison.Ordinal);
        Assert.Equal(before[JobHint], after[JobHint]);
        Assert.Equal(before[RegistryHint], after[RegistryHint]);
    }

    [Fact]
    public void Changing_a_meta_regenerates_its_serializer_only()
    {
        var (driver, compilation) = FirstRun();
        var before = Sources(driver);

        var edited = Edit(compilation, TreeContaining(compilation, "WarehousePlugin"), "public sealed record QueryMeta(string JobId);", "public sealed record QueryMeta(string JobId) { public int Attempt { get; init; } }");
        driver = driver.RunGenerators(edited);
        var run = driver.GetRunResult().Results.Single();

        Assert.Null(run.Exception);
        var serializers = Outputs(run, Steps.MetaSerializers).Select(o => (Model: Assert.IsType<MetaSerializerModel>(o.Value), o.Reason)).ToList();
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(serializers, s => s.Model.ClassName == "WarehousePlugin").Reason);
        var job = Assert.Single(serializers, s => s.Model.ClassName == "JobPlugin");
        Assert.True(job.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"JobPlugin's serializer is {job.Reason}.");

        var after = Sources(driver);
        Assert.Contains("writer.WritePropertyName(\"attempt\");", after[WarehouseSerializerHint], StringComparison.Ordinal);
        Assert.DoesNotContain("attempt", before[WarehouseSerializerHint], StringComparison.Ordinal);
        Assert.Equal(before[WarehouseHint], after[WarehouseHint]);
        Assert.Equal(before[RegistryHint], after[RegistryHint]);
    }

    [Fact]
    public void Changing_a_task_type_regenerates_the_registry()
    {
        var (driver, compilation) = FirstRun();
        var before = Sources(driver);

        var edited = Edit(compilation, TreeContaining(compilation, "JobPlugin"), "\"bq_job_v2\"", "\"bq_job_v3\"");
        driver = driver.RunGenerators(edited);
        var run = driver.GetRunResult().Results.Single();

        Assert.Null(run.Exception);
        Assert.Contains(Outputs(run, Steps.Registry), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(Outputs(run, Steps.RegistryInputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var registry = Assert.IsType<RegistryModel>(Assert.Single(Outputs(run, Steps.Registry)).Value);
        Assert.Contains(registry.Entries, e => e.TaskTypes.Contains("bq_job_v3"));

        var after = Sources(driver);
        Assert.Contains("TaskTypeRoute(\"bq_job_v3\",", after[RegistryHint], StringComparison.Ordinal);
        Assert.DoesNotContain("\"bq_job_v2\"", after[RegistryHint], StringComparison.Ordinal);
        Assert.Equal(before[WarehouseHint], after[WarehouseHint]);
    }

    [Fact]
    public void Adding_a_plugin_regenerates_the_registry_and_keeps_the_others_cached()
    {
        var (driver, compilation) = FirstRun();
        var before = Sources(driver);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Parse(PluginSources.IgnoreCaseStates, "Added.cs")));
        var run = driver.GetRunResult().Results.Single();

        var plugins = Outputs(run, Steps.AsyncPlugins).Select(o => (Model: Assert.IsType<PluginModel>(o.Value), o.Reason)).ToList();
        Assert.Equal(IncrementalStepRunReason.New, Assert.Single(plugins, p => p.Model.ClassName == "TicketPlugin").Reason);
        Assert.All(plugins.Where(p => p.Model.ClassName != "TicketPlugin"), p => Assert.True(
            p.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{p.Model.ClassName} is {p.Reason}."));
        Assert.Contains(Outputs(run, Steps.Registry), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("TaskTypeRoute(\"ticket\",", Sources(driver)[RegistryHint], StringComparison.Ordinal);
        Assert.Equal(before[WarehouseHint], Sources(driver)[WarehouseHint]);
    }

    [Fact]
    public void Running_the_same_compilation_twice_yields_byte_identical_sources()
    {
        var compilation = GeneratorHarness.CreateCompilation(AllSources());

        var first = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult();
        var second = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult();
        var sameDriver = GeneratorHarness.CreateDriver().RunGenerators(compilation).RunGenerators(compilation).GetRunResult();

        AssertByteIdentical(first, second);
        AssertByteIdentical(first, sameDriver);
    }

    [Fact]
    public void The_output_does_not_depend_on_the_order_of_the_source_files()
    {
        var sources = AllSources();
        var forward = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(sources)).GetRunResult();
        var backward = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(Enumerable.Reverse(sources).ToArray())).GetRunResult();

        var shuffled = sources.ToArray();
        new Random(20240611).Shuffle(shuffled);
        var random = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(shuffled)).GetRunResult();

        AssertByteIdentical(forward, backward);
        AssertByteIdentical(forward, random);
    }

    private const string OutputKey = "SourceOutput";

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation(PluginSources.EnumStates, PluginSources.StringStates, PluginSources.SyncPlugin)
            .AddSyntaxTrees(Parse(Unrelated, UnrelatedPath));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var run = driver.GetRunResult().Results.Single();

        // The steps the other tests assert on must exist and hold the plugins, or "all cached" would hold vacuously.
        Assert.Null(run.Exception);
        Assert.Equal(2, Outputs(run, Steps.AsyncPlugins).Count);
        Assert.Single(Outputs(run, Steps.SyncPlugins));
        Assert.Equal(2, Outputs(run, Steps.MetaSerializers).Count);
        Assert.Single(Outputs(run, Steps.RegistryInputs));
        Assert.Single(Outputs(run, Steps.Registry));
        Assert.All(TrackedSteps.SelectMany(s => Outputs(run, s)), o => Assert.Equal(IncrementalStepRunReason.New, o.Reason));
        Assert.Equal(
            [RegistryHint, "Contoso.Jobs.JobPlugin.ResourceMetaSerializer.g.cs", "Contoso.Jobs.JobPlugin.g.cs", "Contoso.Sync.EchoPlugin.g.cs", WarehouseSerializerHint, WarehouseHint],
            Sources(driver).Keys.Order(StringComparer.Ordinal));
        return (driver, compilation);
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult run, string step) =>
        run.TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).ToList()
            : throw new Xunit.Sdk.XunitException($"No tracked step {step}; tracked: {string.Join(", ", run.TrackedSteps.Keys)}");

    private static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: path);

    private static string TreeContaining(Compilation compilation, string text) =>
        compilation.SyntaxTrees.Single(t => t.ToString().Contains(text, StringComparison.Ordinal) && t.ToString().Contains("[AsyncPlugin", StringComparison.Ordinal)).FilePath;

    /// <summary>Replaces the tree at <paramref name="path"/> with a copy in which <paramref name="find"/> (which must occur) becomes <paramref name="replace"/>.</summary>
    private static Compilation Edit(Compilation compilation, string path, string find, string replace)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.ToString();
        Assert.Contains(find, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(find, replace, StringComparison.Ordinal))));
    }

    private static string[] AllSources() => PluginSources.All.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value).ToArray();

    private static void AssertByteIdentical(GeneratorDriverRunResult expected, GeneratorDriverRunResult actual)
    {
        var left = expected.Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        var right = actual.Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(left);
        Assert.Equal(left.Select(s => s.HintName), right.Select(s => s.HintName));
        for (var i = 0; i < left.Count; i++)
        {
            Assert.Equal(left[i].SourceText.ToString(), right[i].SourceText.ToString());
            Assert.Equal(Bytes(left[i].SourceText), Bytes(right[i].SourceText));
            Assert.True(left[i].SourceText.GetChecksum().SequenceEqual(right[i].SourceText.GetChecksum()), $"{left[i].HintName}: the checksums differ.");
        }
    }

    private static byte[] Bytes(SourceText text)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, text.Encoding ?? System.Text.Encoding.UTF8, leaveOpen: true))
        {
            text.Write(writer);
        }

        return stream.ToArray();
    }

    private static string Describe(object value) => value switch
    {
        PluginModel plugin => plugin.ClassName,
        RegistryModel registry => $"registry of {registry.Entries.Count}",
        _ => value.GetType().Name,
    };
}
