namespace AsyncPluginGen;

/// <summary>
/// Describes one plugin without instantiating it: its id, the task types it serves, its types, its declared
/// configuration and how to create it. The generator emits one per plugin class, with a factory that calls
/// the constructor directly (no reflection, trim and AOT safe).
/// </summary>
public sealed class PluginDescriptor
{
    private readonly Func<IServiceProvider, IPlugin> _factory;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">The plugin's id.</param>
    /// <param name="taskTypes">The task types it serves; at least one, none empty.</param>
    /// <param name="version">The task category version.</param>
    /// <param name="kind">Async or sync.</param>
    /// <param name="pluginType">The plugin class.</param>
    /// <param name="resourceMetaType">The ResourceMeta type, for async plugins.</param>
    /// <param name="resourceType">The Resource type, for async plugins.</param>
    /// <param name="config">The declared configuration.</param>
    /// <param name="factory">Creates the plugin from a service provider.</param>
    /// <exception cref="ArgumentException">The id is empty, there is no task type, or a task type is empty.</exception>
    public PluginDescriptor(
        string id,
        IReadOnlyList<string> taskTypes,
        int version,
        PluginKind kind,
        Type pluginType,
        Type? resourceMetaType,
        Type? resourceType,
        PluginConfig config,
        Func<IServiceProvider, IPlugin> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(taskTypes);
        ArgumentNullException.ThrowIfNull(pluginType);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(factory);
        if (taskTypes.Count == 0 || taskTypes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Plugin '{id}' must serve at least one task type, and no task type may be empty.", nameof(taskTypes));
        }

        var duplicate = taskTypes.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Plugin '{id}' lists task type '{duplicate.Key}' more than once.", nameof(taskTypes));
        }

        Id = id;
        TaskTypes = taskTypes;
        Version = version;
        Kind = kind;
        PluginType = pluginType;
        ResourceMetaType = resourceMetaType;
        ResourceType = resourceType;
        Config = config;
        _factory = factory;
    }

    /// <summary>The plugin's id (the class name unless the attribute sets one).</summary>
    public string Id { get; }

    /// <summary>The task types the plugin serves.</summary>
    public IReadOnlyList<string> TaskTypes { get; }

    /// <summary>The task category version (Flyte connectors route by task type and version).</summary>
    public int Version { get; }

    /// <summary>Async or sync.</summary>
    public PluginKind Kind { get; }

    /// <summary>The plugin class.</summary>
    public Type PluginType { get; }

    /// <summary>The ResourceMeta type of an async plugin; null for sync plugins.</summary>
    public Type? ResourceMetaType { get; }

    /// <summary>The Resource type of an async plugin; null for sync plugins.</summary>
    public Type? ResourceType { get; }

    /// <summary>The configuration declared by the plugin's attributes.</summary>
    public PluginConfig Config { get; }

    /// <summary>Creates a new plugin instance, resolving its constructor's dependencies from <paramref name="services"/>.</summary>
    /// <param name="services">Provides the constructor's dependencies.</param>
    /// <returns>The plugin.</returns>
    public IPlugin CreatePlugin(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return _factory(services);
    }

    /// <summary>
    /// The descriptor of a plugin type, such as a generated plugin. Generated plugins implement
    /// <see cref="IDescribedPlugin"/> explicitly, so this is how code outside the plugin reads it.
    /// </summary>
    /// <typeparam name="TPlugin">The plugin class.</typeparam>
    /// <returns>The plugin's descriptor.</returns>
    public static PluginDescriptor Of<TPlugin>()
        where TPlugin : IDescribedPlugin => TPlugin.Descriptor;

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Kind}, task types: {string.Join(", ", TaskTypes)})";
}
