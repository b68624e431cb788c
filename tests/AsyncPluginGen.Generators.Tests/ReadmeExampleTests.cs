using System.Text.Json;
using System.Text.RegularExpressions;
using AsyncPluginGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>Keeps README.md's example plugin compiling and working, exactly as printed.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public async Task Readme_example_compiles_registers_and_runs_to_success()
    {
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation("Contoso.Warehouse", (IEnumerable<MetadataReference>?)null, ReadExample()));
        outcome.AssertNoErrors();
        var assembly = GeneratorHarness.EmitAndLoad(outcome.Output);

        var services = new ServiceCollection();
        services.AddSingleton(assembly.GetType("Contoso.Warehouse.WarehouseClient", throwOnError: true)!);
        var extensions = assembly.GetType("Microsoft.Extensions.DependencyInjection.ContosoWarehousePluginServiceCollectionExtensions", throwOnError: true)!;
        extensions.GetMethod("AddContosoWarehousePlugins")!.Invoke(null, [services]);
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<PluginCatalog>();
        var plugin = (IAsyncPlugin)provider.GetRequiredService(catalog.GetDescriptor("warehouse_query").PluginType);

        var task = new TaskContext("warehouse_query", new TaskExecutionId("p", "d", "e", "n0"))
        {
            Inputs = JsonDocument.Parse("""{"sql": "select 1"}""").RootElement,
        };
        var created = await plugin.CreateAsync(task, CancellationToken.None);
        var resource = await plugin.GetAsync(created.Meta, CancellationToken.None);

        Assert.Equal($"QueryMeta {{ JobId = job-{task.UniqueName} }}", created.Meta.ToString());
        Assert.Equal(TaskPhase.Success, plugin.Status(task, created.Meta, resource).Phase);
        Assert.Equal(500, plugin.GetConfig().ResourceQuotas[new ResourceNamespace("warehouse")]);
        await plugin.DeleteAsync(created.Meta, DeleteReason.Aborted, CancellationToken.None);
    }

    private static string ReadExample()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AsyncPluginGen.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var readme = File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
        var match = ExampleBlock().Match(readme);
        Assert.True(match.Success, "README.md has no example plugin between the example-plugin markers.");
        return match.Groups["code"].Value;
    }

    [GeneratedRegex("<!-- example-plugin:start -->\\s*```csharp\\n(?<code>.*?)```\\s*<!-- example-plugin:end -->", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
