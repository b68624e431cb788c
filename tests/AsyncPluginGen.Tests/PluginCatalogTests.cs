namespace AsyncPluginGen.Tests;

public sealed class PluginCatalogTests
{
    private static readonly PluginDescriptor Bq = Descriptors.Sync<DependentPlugin>("BigQuery", "bigquery_query_job_task", "bigquery");
    private static readonly PluginDescriptor Snow = Descriptors.Sync<OtherPlugin>("Snowflake", "snowflake");
    private static readonly PluginDescriptor Rec = RecordingPlugin.CreateDescriptor();

    [Fact]
    public void GetDescriptor_FindsEachTaskTypeAcrossRegistries()
    {
        var catalog = new PluginCatalog([new AlphaRegistry(Bq, Rec), new BetaRegistry(Snow)]);

        Assert.Same(Bq, catalog.GetDescriptor("bigquery_query_job_task"));
        Assert.Same(Bq, catalog.GetDescriptor("bigquery"));
        Assert.Same(Rec, catalog.GetDescriptor(RecordingPlugin.TaskType));
        Assert.Same(Snow, catalog.GetDescriptor("snowflake"));
        Assert.True(catalog.TryGetDescriptor("snowflake", out var found));
        Assert.Same(Snow, found);
    }

    [Fact]
    public void Descriptors_AreInRegistrationOrder_AndTaskTypesComplete()
    {
        var catalog = new PluginCatalog([new AlphaRegistry(Bq, Rec), new BetaRegistry(Snow)]);

        Assert.Equal([Bq, Rec, Snow], catalog.Descriptors);
        Assert.Equal(
            new[] { "bigquery", "bigquery_query_job_task", "recording_task", "snowflake" },
            catalog.TaskTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lookup_IsOrdinalAndCaseSensitive()
    {
        var catalog = new PluginCatalog([new AlphaRegistry(Snow)]);

        Assert.False(catalog.TryGetDescriptor("Snowflake", out var descriptor));
        Assert.Null(descriptor);
        Assert.False(catalog.TryGetDescriptor("snowflake ", out _));
        Assert.Throws<UnknownTaskTypeException>(() => catalog.GetDescriptor("SNOWFLAKE"));
    }

    [Fact]
    public void DuplicateTaskType_AcrossRegistries_NamesBothPluginsAndAssemblies()
    {
        var clash = Descriptors.Sync<OtherPlugin>("BigQueryFork", "other", "bigquery");

        var ex = Assert.Throws<DuplicateTaskTypeException>(() =>
            new PluginCatalog([new AlphaRegistry(Bq), new BetaRegistry(clash)]));

        Assert.Equal("bigquery", ex.TaskType);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        Assert.Contains("'bigquery'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'BigQuery'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'BigQueryFork'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(DependentPlugin).FullName!, ex.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(OtherPlugin).FullName!, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Alpha.Plugins", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Beta.Plugins", ex.Message, StringComparison.Ordinal);
        // First registered is named first.
        Assert.True(
            ex.Message.IndexOf("'BigQuery'", StringComparison.Ordinal) < ex.Message.IndexOf("'BigQueryFork'", StringComparison.Ordinal),
            ex.Message);
    }

    [Fact]
    public void DuplicateTaskType_WithinOneRegistry_Throws()
    {
        var clash = Descriptors.Sync<OtherPlugin>("Snow2", "snowflake");

        var ex = Assert.Throws<DuplicateTaskTypeException>(() => new PluginCatalog([new AlphaRegistry(Snow, clash)]));

        Assert.Equal("snowflake", ex.TaskType);
        Assert.Contains("'Snowflake'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Snow2'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameRegistryTwice_IsFine_AndCountsOnce()
    {
        var registry = new AlphaRegistry(Bq, Snow);

        var catalog = new PluginCatalog([registry, registry]);

        Assert.Equal([Bq, Snow], catalog.Descriptors);
        Assert.Same(Snow, catalog.GetDescriptor("snowflake"));
    }

    [Fact]
    public void UnknownTaskType_ListsKnownTypesSorted()
    {
        var catalog = new PluginCatalog([new AlphaRegistry(Snow, Bq)]);

        var ex = Assert.Throws<UnknownTaskTypeException>(() => catalog.GetDescriptor("spark"));

        Assert.IsAssignableFrom<KeyNotFoundException>(ex);
        Assert.Equal("spark", ex.TaskType);
        Assert.Contains("'spark'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Known task types: bigquery, bigquery_query_job_task, snowflake.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTaskType_InEmptyCatalog_SaysNone()
    {
        var catalog = new PluginCatalog([]);

        var ex = Assert.Throws<UnknownTaskTypeException>(() => catalog.GetDescriptor("spark"));

        Assert.Contains("Known task types: (none).", ex.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Descriptors);
        Assert.Empty(catalog.TaskTypes);
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new PluginCatalog(null!));
        Assert.Throws<ArgumentNullException>(() => new PluginCatalog([]).GetDescriptor(null!));
    }

    [Fact]
    public void HandwrittenRegistry_LooksUpItsOwnDescriptors()
    {
        IPluginRegistry registry = new AlphaRegistry(Bq, Snow);

        Assert.True(registry.TryGetDescriptor("bigquery", out var found));
        Assert.Same(Bq, found);
        Assert.False(registry.TryGetDescriptor("spark", out _));
        Assert.Equal("Alpha.Plugins", registry.AssemblyName);
    }

    [Fact]
    public void A_lookup_builds_only_the_descriptor_of_its_task_type_and_only_once()
    {
        var registry = new RoutedRegistry([Bq, Snow, Rec]);
        var catalog = new PluginCatalog([registry]);

        Assert.Empty(registry.Described);
        Assert.Same(Snow, catalog.GetDescriptor("snowflake"));
        Assert.Same(Snow, catalog.GetDescriptor("snowflake"));
        Assert.True(catalog.TryGetDescriptor("bigquery", out var bq));

        Assert.Same(Bq, bq);
        Assert.Equal(["snowflake", "bigquery"], registry.Described);
        Assert.False(registry.DescriptorsRead);
    }

    [Fact]
    public void Descriptors_are_built_when_first_read_in_route_order()
    {
        var registry = new RoutedRegistry([Bq, Snow]);
        var catalog = new PluginCatalog([registry]);

        Assert.Equal([Bq, Snow], catalog.Descriptors);
        Assert.Equal(["bigquery_query_job_task", "bigquery", "snowflake"], registry.Described);
    }

    [Fact]
    public void A_route_the_registry_cannot_describe_fails_naming_the_registry_and_the_task_type()
    {
        var catalog = new PluginCatalog([new RoutedRegistry([Snow], [new TaskTypeRoute("ghost", "Ghost")])]);

        var error = Assert.Throws<InvalidOperationException>(() => catalog.GetDescriptor("ghost"));

        Assert.Contains("assembly 'Routed.Plugins' lists task type 'ghost' (plugin 'Ghost')", error.Message, StringComparison.Ordinal);
        Assert.Contains("TryGetDescriptor does not find it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_to_another_plugin_than_the_lookup_finds_fails_naming_both()
    {
        var catalog = new PluginCatalog([new RoutedRegistry([Snow], [new TaskTypeRoute("snowflake", "Snowpipe")])]);

        var error = Assert.Throws<InvalidOperationException>(() => catalog.GetDescriptor("snowflake"));

        Assert.Contains("for plugin 'Snowpipe', but TryGetDescriptor returns plugin 'Snowflake'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handwritten_registry_without_routes_is_routed_from_its_descriptors()
    {
        IPluginRegistry registry = new AlphaRegistry(Bq, Snow);

        Assert.Equal(
            [new TaskTypeRoute("bigquery_query_job_task", "BigQuery"), new TaskTypeRoute("bigquery", "BigQuery"), new TaskTypeRoute("snowflake", "Snowflake")],
            registry.Routes);
    }

    /// <summary>A registry that routes from its own list, as the generated one does, and records which descriptors were built.</summary>
    private sealed class RoutedRegistry(PluginDescriptor[] descriptors, TaskTypeRoute[]? routes = null) : IPluginRegistry
    {
        public List<string> Described { get; } = [];

        public bool DescriptorsRead { get; private set; }

        public string AssemblyName => "Routed.Plugins";

        public IReadOnlyList<TaskTypeRoute> Routes { get; } =
            routes ?? [.. descriptors.SelectMany(d => d.TaskTypes.Select(t => new TaskTypeRoute(t, d.Id)))];

        public IReadOnlyList<PluginDescriptor> Descriptors
        {
            get
            {
                DescriptorsRead = true;
                return descriptors;
            }
        }

        public bool TryGetDescriptor(string taskType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PluginDescriptor? descriptor)
        {
            Described.Add(taskType);
            descriptor = descriptors.FirstOrDefault(d => d.TaskTypes.Contains(taskType, StringComparer.Ordinal));
            return descriptor is not null;
        }
    }
}
