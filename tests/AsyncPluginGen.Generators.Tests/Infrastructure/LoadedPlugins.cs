using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Generators.Tests.Infrastructure;

/// <summary>Compiles plugin source with the generator, loads it, and resolves its plugins through the generated registry and DI.</summary>
internal sealed class LoadedPlugins
{
    private LoadedPlugins(Assembly assembly, ServiceProvider services)
    {
        Assembly = assembly;
        Services = services;
    }

    public Assembly Assembly { get; }

    public ServiceProvider Services { get; }

    public PluginCatalog Catalog => Services.GetRequiredService<PluginCatalog>();

    /// <summary>Builds and loads <paramref name="sources"/>; every public class whose name ends in "Client" or "Echo" is registered as a singleton dependency.</summary>
    public static LoadedPlugins Load(params string[] sources)
    {
        var outcome = GeneratorHarness.RunClean(sources);
        var assembly = GeneratorHarness.EmitAndLoad(outcome.Output);
        var registry = (IPluginRegistry)assembly.GetType("AsyncPluginGen.Generated.PluginsPluginRegistry", throwOnError: true)!
            .GetProperty("Instance")!.GetValue(null)!;
        var services = new ServiceCollection();
        foreach (var dependency in assembly.GetExportedTypes().Where(t => t.IsClass && (t.Name.EndsWith("Client", StringComparison.Ordinal) || t.Name == "Echo")))
        {
            services.AddSingleton(dependency, Activator.CreateInstance(dependency)!);
        }

        services.AddAsyncPluginRegistry(registry);
        return new LoadedPlugins(assembly, services.BuildServiceProvider());
    }

    public T Plugin<T>(string taskType)
        where T : IPlugin =>
        (T)Services.GetRequiredService(Catalog.GetDescriptor(taskType).PluginType);

    public object Dependency(string typeName) => Services.GetRequiredService(Assembly.GetType(typeName, throwOnError: true)!);

    /// <summary>Creates an instance of a type from the loaded assembly (records with positional constructors).</summary>
    public object New(string typeName, params object?[] arguments) =>
        Activator.CreateInstance(Assembly.GetType(typeName, throwOnError: true)!, arguments)!;

    public object Enum(string typeName, string member) => System.Enum.Parse(Assembly.GetType(typeName, throwOnError: true)!, member);

    public static TaskContext Task(string taskType, int attempt = 0) =>
        new(taskType, new TaskExecutionId("project", "development", "exec-1", "n0", attempt));
}
