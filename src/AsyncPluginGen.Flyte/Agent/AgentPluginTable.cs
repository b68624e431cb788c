using System.Diagnostics.CodeAnalysis;
using AsyncPluginGen.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Every plugin the agent serves, by task category (task type and version), built once from the generated registries
/// through the <see cref="PluginCatalog"/>. Routes requests and answers the metadata service.
/// </summary>
internal sealed class AgentPluginTable : IDisposable
{
    private readonly Dictionary<TaskCategoryKey, AgentPlugin> _byCategory = new();

    public AgentPluginTable(PluginCatalog catalog, IServiceProvider services, FlyteAgentOptions options)
    {
        var unknown = options.Plugins.Keys.Where(id => !catalog.Descriptors.Any(d => d.Id == id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"FlyteAgent:Plugins overrides plugin(s) {string.Join(", ", unknown)}, but no registered plugin has that id. Known plugin ids: {string.Join(", ", catalog.Descriptors.Select(d => d.Id))}.");
        }

        var logger = (services.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AsyncPluginGen.Flyte.Agent");
        var plugins = new List<AgentPlugin>();
        foreach (var descriptor in catalog.Descriptors)
        {
            var instance = services.GetService(descriptor.PluginType) as IPlugin ?? descriptor.CreatePlugin(services);
            var config = options.Plugins.TryGetValue(descriptor.Id, out var overrides) ? overrides.ApplyTo(descriptor.Config) : descriptor.Config;
            config.Validate(descriptor.Id);
            AgentPlugin plugin = instance switch
            {
                IAsyncPlugin asyncPlugin => asyncPlugin.Accept(new AgentPluginFactory(config, options.MaxOutputBytes, logger)),
                ISyncPlugin syncPlugin => new SyncAgentPlugin(syncPlugin, descriptor, config),
                _ => throw new InvalidOperationException($"Plugin '{descriptor.Id}' ({descriptor.PluginType.FullName}) implements neither IAsyncPlugin nor ISyncPlugin."),
            };
            plugins.Add(plugin);
            foreach (var taskType in descriptor.TaskTypes)
            {
                _byCategory.Add(new TaskCategoryKey(taskType, descriptor.Version), plugin);
            }
        }

        Plugins = plugins;
        KnownCategories = string.Join(", ", _byCategory.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    /// <summary>Every plugin, in the catalog's order.</summary>
    public IReadOnlyList<AgentPlugin> Plugins { get; }

    /// <summary>The served categories, for error messages.</summary>
    public string KnownCategories { get; }

    public bool TryFind(TaskCategoryKey category, [NotNullWhen(true)] out AgentPlugin? plugin) => _byCategory.TryGetValue(category, out plugin);

    /// <summary>The plugin for a category, or <c>NOT_FOUND</c> naming the categories this agent serves.</summary>
    public AgentPlugin Find(TaskCategoryKey category) =>
        TryFind(category, out var plugin)
            ? plugin
            : throw new RpcException(new Status(
                StatusCode.NotFound,
                $"Cannot find an agent plugin for task category '{category}'. This agent serves: {KnownCategories}."));

    public void Dispose()
    {
        foreach (var plugin in Plugins)
        {
            plugin.Dispose();
        }
    }
}
