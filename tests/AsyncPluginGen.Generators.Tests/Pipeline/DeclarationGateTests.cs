using System.Runtime.CompilerServices;
using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Steps = AsyncPluginGen.Generators.AsyncPluginGenerator.Steps;

namespace AsyncPluginGen.Generators.Tests.Pipeline;

/// <summary>
/// The plugins are inspected again only when a declaration may have changed. The oracle for every edit: the driver
/// that ran before produces exactly what a new driver produces on the edited compilation; and edits inside bodies
/// and comments must not run the inspection at all.
/// </summary>
public sealed class DeclarationGateTests
{
    private const string NamesPath = "Names.cs";
    private const string EchoPath = "Echo.cs";
    private const string WarehousePath = "Warehouse.cs";
    private const string SecondEchoPath = "SecondEcho.cs";

    private const string Names = """
        namespace Contoso.Names
        {
            public static class Kinds
            {
                public static string Label = "label";
                public const string Echo = "echo";
                public static int Twice(int value) { return value * 2; }
            }
        }
        """;

    /// <summary>Edits that declare nothing new: the inspection must not run.</summary>
    public static TheoryData<string> BodyEdits => new() { "MethodBody", "FieldInitializer", "CommentInPluginFile", "HandlerBodyInPluginFile" };

    /// <summary>Edits that may change a symbol: the inspection must run, and the output must be what a new driver makes.</summary>
    public static TheoryData<string, bool> DeclarationEdits => new()
    {
        { "ConstantValue", true },
        { "NullableDirective", true },
        { "NullableOption", true },
        { "ReferenceRemoved", true },
        { "AliasedPluginAdded", true },
        { "GeneratedHeader", false },
        { "MemberAddedElsewhere", false },
    };

    [Theory]
    [MemberData(nameof(BodyEdits))]
    public void An_edit_inside_a_body_or_comment_does_not_inspect_the_plugins_again(string edit)
    {
        var (before, after, cold, run) = RunEdited(edit);

        Assert.All(Reasons(run, Steps.Plugins), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal(before, after);
        Assert.Equal(cold, after);
    }

    [Theory]
    [MemberData(nameof(DeclarationEdits))]
    public void An_edit_that_may_change_a_declaration_inspects_again_and_matches_a_new_driver(string edit, bool changesOutput)
    {
        var (before, after, cold, run) = RunEdited(edit);

        Assert.All(Reasons(run, Steps.Plugins), reason => Assert.NotEqual(IncrementalStepRunReason.Cached, reason));
        Assert.Equal(cold, after);
        Assert.Equal(changesOutput, !before.SequenceEqual(after));
    }

    [Fact]
    public void A_plugin_added_before_another_in_its_file_leaves_the_other_files_plugins_cached()
    {
        var (before, after, cold, run) = RunEdited("PluginInsertedFirst");

        var sync = run.TrackedSteps[Steps.SyncPlugins].SelectMany(s => s.Outputs).Select(o => (Model: Assert.IsType<Model.PluginModel>(o.Value), o.Reason)).ToList();
        Assert.Equal(["FirstPlugin", "EchoPlugin", "EchoPlugin"], sync.Select(p => p.Model.ClassName));
        Assert.Equal(IncrementalStepRunReason.New, sync[1].Reason);
        var secondFile = sync[2];
        Assert.Equal("echo-two", secondFile.Model.Id);
        Assert.True(secondFile.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"The other file's plugin is {secondFile.Reason}.");
        Assert.Equal(cold, after);
        Assert.Contains("TaskTypeRoute(\"first\",", after["AsyncPluginGen.PluginRegistry.g.cs"], StringComparison.Ordinal);
        Assert.Equal(before["Contoso.SecondSync.EchoPlugin.g.cs"], after["Contoso.SecondSync.EchoPlugin.g.cs"]);
    }

    [Fact]
    public void The_gate_keeps_no_earlier_compilation_alive()
    {
        var (driver, first) = RunTwiceWithABodyEdit();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The second run kept the first run's snapshot (its declarations were the same): it must not hold the first compilation.
        Assert.False(first.TryGetTarget(out _), "The first compilation is still alive.");
        GC.KeepAlive(driver);
    }

    /// <summary>The sources before the edit, after it (same driver), from a new driver on the edited compilation, and the run.</summary>
    private static (SortedDictionary<string, string> Before, SortedDictionary<string, string> After, SortedDictionary<string, string> Cold, GeneratorRunResult Run) RunEdited(string edit)
    {
        var (driver, compilation) = FirstRun();
        var before = Sources(driver);

        var edited = Apply(compilation, edit);
        driver = driver.RunGenerators(edited);
        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        return (before, Sources(driver), ColdSources(edited), run);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (GeneratorDriver Driver, WeakReference<Compilation> First) RunTwiceWithABodyEdit()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(Apply(compilation, "MethodBody"));
        Assert.All(Reasons(driver.GetRunResult().Results.Single(), Steps.Plugins), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        return (driver, new WeakReference<Compilation>(compilation));
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation("Plugins", null, [])
            .AddSyntaxTrees(
                Parse(Names, NamesPath),
                Parse(PluginSources.SyncPlugin.Replace("[SyncPlugin(\"echo\"", "[SyncPlugin(Contoso.Names.Kinds.Echo", StringComparison.Ordinal), EchoPath),
                Parse(PluginSources.EnumStates, WarehousePath),
                Parse(PluginSources.SyncPlugin.Replace("[SyncPlugin(\"echo\", Id = \"echo-plugin\")]", "[SyncPlugin(\"echo_two\", Id = \"echo-two\")]", StringComparison.Ordinal).Replace("Contoso.Sync", "Contoso.SecondSync", StringComparison.Ordinal), SecondEchoPath));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        Assert.Contains("TaskTypeRoute(\"echo\",", Sources(driver)["AsyncPluginGen.PluginRegistry.g.cs"], StringComparison.Ordinal);
        return (driver, compilation);
    }

    private static Compilation Apply(Compilation compilation, string edit) => edit switch
    {
        "MethodBody" => Edit(compilation, NamesPath, "return value * 2;", "return value + value;"),
        "FieldInitializer" => Edit(compilation, NamesPath, "Label = \"label\";", "Label = \"other\";"),
        "CommentInPluginFile" => Edit(compilation, WarehousePath, "public sealed class WarehouseClient", "// A comment.\n    public sealed class WarehouseClient"),
        "HandlerBodyInPluginFile" => Edit(compilation, WarehousePath, "Creates++;", "Creates += 1;"),
        "ConstantValue" => Edit(compilation, NamesPath, "Echo = \"echo\";", "Echo = \"echo_v2\";"),
        "NullableDirective" => Edit(compilation, WarehousePath, "public sealed record QueryMeta(string JobId);", "#nullable disable\n    public sealed record QueryMeta(string JobId);\n#nullable restore"),
        "NullableOption" => compilation.WithOptions(((CSharpCompilationOptions)compilation.Options).WithNullableContextOptions(NullableContextOptions.Disable)),
        "ReferenceRemoved" => compilation.RemoveReferences(compilation.References.Single(r => r.Display?.Contains("DependencyInjection", StringComparison.Ordinal) == true)),
        "AliasedPluginAdded" => compilation.AddSyntaxTrees(Parse(
            PluginSources.SyncPlugin.Replace("[SyncPlugin(\"echo\"", "[SP(\"aliased\"", StringComparison.Ordinal).Replace("Contoso.Sync", "Contoso.Aliased", StringComparison.Ordinal)
                .Replace("using AsyncPluginGen;", "using AsyncPluginGen;\nusing SP = AsyncPluginGen.SyncPluginAttribute;", StringComparison.Ordinal),
            "Aliased.cs")),
        "GeneratedHeader" => Edit(compilation, NamesPath, "namespace Contoso.Names", "// <auto-generated/>\nnamespace Contoso.Names"),
        "PluginInsertedFirst" => Edit(compilation, EchoPath, "    public sealed class Echo", "    [SyncPlugin(\"first\")]\n    public sealed partial class FirstPlugin\n    {\n        public ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken ct) => new(PhaseInfo.Success(\"done\"));\n    }\n\n    public sealed class Echo"),
        "MemberAddedElsewhere" => Edit(compilation, NamesPath, "public static string Label", "public static int Added;\n        public static string Label"),
        _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
    };

    private static Compilation Edit(Compilation compilation, string path, string find, string replace)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.ToString();
        Assert.Contains(find, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(find, replace, StringComparison.Ordinal))));
    }

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: path);

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult run, string step)
    {
        var reasons = run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        return reasons;
    }

    private static SortedDictionary<string, string> ColdSources(Compilation compilation) => Sources(GeneratorHarness.CreateDriver().RunGenerators(compilation));

    private static SortedDictionary<string, string> Sources(GeneratorDriver driver) =>
        new(driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal), StringComparer.Ordinal);
}
