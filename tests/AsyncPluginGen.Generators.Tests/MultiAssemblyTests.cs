using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>Two plugin assemblies, each with its generated registry and DI method, in one host application.</summary>
public sealed class MultiAssemblyTests
{
    private const string Host = """
        using System.Linq;
        using AsyncPluginGen;
        using Microsoft.Extensions.DependencyInjection;

        public static class HostProgram
        {
            public static IServiceCollection Configure(IServiceCollection services) =>
                services
                    .AddSingleton(new Contoso.Warehouse.WarehouseClient())
                    .AddContosoWarehousePluginsPlugins()
                    .AddContosoJobsPluginsPlugins();

            public static string[] Registries() =>
                new IPluginRegistry[]
                {
                    AsyncPluginGen.Generated.ContosoWarehousePluginsPluginRegistry.Instance,
                    AsyncPluginGen.Generated.ContosoJobsPluginsPluginRegistry.Instance,
                }.Select(r => r.AssemblyName).ToArray();
        }
        """;

    [Fact]
    public void Two_plugin_assemblies_and_a_host_compile_without_clashes_and_share_one_catalog()
    {
        var context = new InMemoryLoadContext();
        var warehouse = BuildPlugins(context, "Contoso.Warehouse.Plugins", PluginSources.EnumStates);
        var jobs = BuildPlugins(context, "Contoso.Jobs.Plugins", PluginSources.StringStates.Replace("internal sealed partial class", "public sealed partial class", StringComparison.Ordinal));

        var host = GeneratorHarness.Run(GeneratorHarness.CreateCompilation("Host", [warehouse, jobs], Host));
        host.AssertNoErrors();
        Assert.Empty(host.HintNames); // the host declares no plugin, so it gets no registry of its own
        Assert.DoesNotContain(host.Output.GetDiagnostics(), d => d.Id is "CS0436" or "CS0433" or "CS0121");
        context.Add(host.Output);

        var hostType = context.Get("Host").GetType("HostProgram", throwOnError: true)!;
        var services = (Microsoft.Extensions.DependencyInjection.IServiceCollection)hostType.GetMethod("Configure")!
            .Invoke(null, [new Microsoft.Extensions.DependencyInjection.ServiceCollection()])!;
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var catalog = (PluginCatalog)provider.GetService(typeof(PluginCatalog))!;

        Assert.Equal(["bq_job", "bq_job_v2", "warehouse_query"], catalog.TaskTypes.Order(StringComparer.Ordinal));
        Assert.Equal(["Contoso.Warehouse.Plugins", "Contoso.Jobs.Plugins"], (string[])hostType.GetMethod("Registries")!.Invoke(null, null)!);
        Assert.IsAssignableFrom<IAsyncPlugin>(provider.GetService(catalog.GetDescriptor("warehouse_query").PluginType));
        Assert.IsAssignableFrom<IAsyncPlugin>(provider.GetService(catalog.GetDescriptor("bq_job").PluginType));
    }

    [Fact]
    public void The_same_task_type_in_two_assemblies_fails_fast_naming_both_plugins_and_assemblies()
    {
        var context = new InMemoryLoadContext();
        const string template = """
            using AsyncPluginGen;
            namespace NS;
            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);
            [AsyncPlugin("shared_type")]
            [PhaseMapping("ok", TaskPhase.Success)]
            public sealed partial class NAMEPlugin
            {
                public M Create(TaskContext task) => new("x");
                public R Get(M meta) => new("ok");
                public void Delete(M meta) { }
            }
            """;
        BuildPlugins(context, "First", template.Replace("NS", "First", StringComparison.Ordinal).Replace("NAME", "One", StringComparison.Ordinal));
        BuildPlugins(context, "Second", template.Replace("NS", "Second", StringComparison.Ordinal).Replace("NAME", "Two", StringComparison.Ordinal));

        var registries = new[] { "First", "Second" }.Select(name => (IPluginRegistry)context.Get(name)
            .GetType($"AsyncPluginGen.Generated.{name}PluginRegistry", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!);

        var error = Assert.Throws<DuplicateTaskTypeException>(() => new PluginCatalog(registries));
        Assert.Equal("shared_type", error.TaskType);
        Assert.Contains("First.OnePlugin", error.Message, StringComparison.Ordinal);
        Assert.Contains("Second.TwoPlugin", error.Message, StringComparison.Ordinal);
        Assert.Contains("assembly First", error.Message, StringComparison.Ordinal);
        Assert.Contains("assembly Second", error.Message, StringComparison.Ordinal);
    }

    private static MetadataReference BuildPlugins(InMemoryLoadContext context, string assemblyName, string source)
    {
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(assemblyName, (IEnumerable<MetadataReference>?)null, source));
        outcome.AssertNoErrors();
        Assert.Contains("AsyncPluginGen.PluginRegistry.g.cs", outcome.HintNames);
        return context.Add(outcome.Output);
    }
}
