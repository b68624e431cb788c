using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.DependencyInjection;
using Steps = AsyncPluginGen.Generators.AsyncPluginGenerator.Steps;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>[assembly: PluginRegistration] names the generated DI method and class; without it the names come from the assembly.</summary>
public sealed class RegistrationNamesTests
{
    private const string RegistryHint = "AsyncPluginGen.PluginRegistry.g.cs";

    private static string Registration(string arguments) => $"[assembly: AsyncPluginGen.PluginRegistration({arguments})]\n";

    [Fact]
    public void Custom_names_are_emitted_compile_and_register_the_plugins()
    {
        var outcome = Run("Contoso.OtherPlugins", Registration("MethodName = \"AddContosoPlugins\", ClassName = \"ContosoPluginRegistration\""));

        var registry = outcome.Source(RegistryHint);
        Snapshot.Verify(registry, "CustomRegistrationNames.AsyncPluginGen.PluginRegistry");
        var assembly = GeneratorHarness.EmitAndLoad(outcome.Output);
        var extensions = assembly.GetType("Microsoft.Extensions.DependencyInjection.ContosoPluginRegistration", throwOnError: true)!;
        Assert.Equal(["AddContosoPlugins"], extensions.GetMethods().Where(m => m.DeclaringType == extensions).Select(m => m.Name));
        Assert.Null(assembly.GetType("Microsoft.Extensions.DependencyInjection.ContosoOtherPluginsPluginServiceCollectionExtensions"));

        var services = new ServiceCollection().AddSingleton(Activator.CreateInstance(assembly.GetType("Contoso.Warehouse.WarehouseClient", throwOnError: true)!)!);
        extensions.GetMethod("AddContosoPlugins")!.Invoke(null, [services]);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["warehouse_query"], provider.GetRequiredService<PluginCatalog>().TaskTypes);
    }

    [Fact]
    public void A_method_name_alone_keeps_the_default_class_name()
    {
        var registry = Run("Contoso.OtherPlugins", Registration("MethodName = \"AddContosoPlugins\"")).Source(RegistryHint);

        Assert.Contains("public static class ContosoOtherPluginsPluginServiceCollectionExtensions", registry, StringComparison.Ordinal);
        Assert.Contains(" AddContosoPlugins(this ", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_attribute_the_names_come_from_the_assembly_as_before()
    {
        var registry = Run("Contoso.OtherPlugins", "").Source(RegistryHint);

        Assert.Contains("public static class ContosoOtherPluginsPluginServiceCollectionExtensions", registry, StringComparison.Ordinal);
        Assert.Contains(" AddContosoOtherPluginsPlugins(this ", registry, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"Add Contoso\"")]
    [InlineData("\"2Add\"")]
    [InlineData("\"class\"")]
    [InlineData("\"@AddContoso\"")]
    [InlineData("\"Add.Contoso\"")]
    [InlineData("null")]
    public void An_invalid_or_null_name_keeps_the_default_and_the_output_compiles(string name)
    {
        // APG0016 reports the invalid names; the generator only must not emit code that does not compile.
        var registry = Run("Contoso.OtherPlugins", Registration($"MethodName = {name}, ClassName = {name}")).Source(RegistryHint);

        Assert.Contains("public static class ContosoOtherPluginsPluginServiceCollectionExtensions", registry, StringComparison.Ordinal);
        Assert.Contains(" AddContosoOtherPluginsPlugins(this ", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void Edits_elsewhere_keep_the_names_cached_and_renaming_regenerates_only_the_registry()
    {
        var compilation = GeneratorHarness.CreateCompilation("Contoso.OtherPlugins", extraReferences: null, PluginSources.EnumStates, PluginSources.StringStates)
            .AddSyntaxTrees(Parse(Registration("MethodName = \"AddContosoPlugins\""), "AssemblyInfo.cs"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Equal("AddContosoPlugins", Assert.IsType<RegistrationNamesModel>(Assert.Single(Outputs(driver, Steps.RegistrationNames)).Value).MethodName);

        var unrelated = compilation.AddSyntaxTrees(Parse("namespace Contoso.Added; public sealed class Added { }", "Added.cs"));
        driver = driver.RunGenerators(unrelated);
        foreach (var step in new[] { Steps.RegistrationNames, Steps.Registry, Steps.AsyncPlugins })
        {
            Assert.All(Outputs(driver, step), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} is {o.Reason} after an unrelated edit."));
        }

        var tree = unrelated.SyntaxTrees.Single(t => t.FilePath == "AssemblyInfo.cs");
        var renamed = unrelated.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(Registration("MethodName = \"AddContoso\""))));
        driver = driver.RunGenerators(renamed);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(driver, Steps.RegistrationNames)).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(driver, Steps.Registry)).Reason);
        Assert.All(Outputs(driver, Steps.AsyncPlugins), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"A plugin is {o.Reason} after a rename."));
        Assert.Contains(" AddContoso(this ", driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == RegistryHint).SourceText.ToString(), StringComparison.Ordinal);
    }

    private static GeneratorOutcome Run(string assemblyName, string assemblyAttributes)
    {
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(assemblyName, extraReferences: null, PluginSources.EnumStates, assemblyAttributes));
        outcome.AssertNoErrors();
        return outcome;
    }

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: path);

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
}
