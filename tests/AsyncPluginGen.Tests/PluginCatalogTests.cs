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
}
