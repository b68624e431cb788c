namespace AsyncPluginGen.Tests;

public sealed class PluginDescriptorTests
{
    private static PluginDescriptor Create(
        string id = "P",
        IReadOnlyList<string>? taskTypes = null,
        Type? pluginType = null,
        PluginConfig? config = null,
        Func<IServiceProvider, IPlugin>? factory = null) =>
        new(
            id,
            taskTypes ?? ["t"],
            2,
            PluginKind.Async,
            pluginType ?? typeof(RecordingPlugin),
            typeof(JobMeta),
            typeof(JobResource),
            config ?? new PluginConfig(),
            factory ?? (_ => new RecordingPlugin()));

    [Fact]
    public void Constructor_KeepsEveryValue()
    {
        var config = new PluginConfig { Caching = new CachingConfig { Workers = 3 } };
        Func<IServiceProvider, IPlugin> factory = _ => new RecordingPlugin();

        var descriptor = new PluginDescriptor("Bq", ["bigquery", "bigquery_query_job_task"], 3, PluginKind.Async,
            typeof(RecordingPlugin), typeof(JobMeta), typeof(JobResource), config, factory);

        Assert.Equal("Bq", descriptor.Id);
        Assert.Equal(["bigquery", "bigquery_query_job_task"], descriptor.TaskTypes);
        Assert.Equal(3, descriptor.Version);
        Assert.Equal(PluginKind.Async, descriptor.Kind);
        Assert.Equal(typeof(RecordingPlugin), descriptor.PluginType);
        Assert.Equal(typeof(JobMeta), descriptor.ResourceMetaType);
        Assert.Equal(typeof(JobResource), descriptor.ResourceType);
        Assert.Same(config, descriptor.Config);
    }

    [Fact]
    public void SyncDescriptor_HasNoResourceTypes()
    {
        var descriptor = Descriptors.Sync<OtherPlugin>("S", "sync_task");

        Assert.Equal(PluginKind.Sync, descriptor.Kind);
        Assert.Null(descriptor.ResourceMetaType);
        Assert.Null(descriptor.ResourceType);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_RejectsEmptyId(string id)
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(id: id));

        Assert.Equal("id", ex.ParamName);
    }

    [Fact]
    public void Constructor_RejectsNullId()
    {
        Assert.Throws<ArgumentNullException>(() => Create(id: null!));
    }

    [Fact]
    public void Constructor_RejectsNoTaskTypes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(id: "Lonely", taskTypes: []));

        Assert.Equal("taskTypes", ex.ParamName);
        Assert.Contains("'Lonely'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Constructor_RejectsEmptyTaskType(string? empty)
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(id: "Holey", taskTypes: ["ok", empty!]));

        Assert.IsNotType<ArgumentNullException>(ex);
        Assert.Equal("taskTypes", ex.ParamName);
        Assert.Contains("'Holey'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsNullArguments()
    {
        Assert.Equal("taskTypes", Assert.Throws<ArgumentNullException>(() =>
            new PluginDescriptor("P", null!, 0, PluginKind.Sync, typeof(OtherPlugin), null, null, new PluginConfig(), _ => null!)).ParamName);
        Assert.Equal("pluginType", Assert.Throws<ArgumentNullException>(() =>
            new PluginDescriptor("P", ["t"], 0, PluginKind.Sync, null!, null, null, new PluginConfig(), _ => null!)).ParamName);
        Assert.Equal("config", Assert.Throws<ArgumentNullException>(() =>
            new PluginDescriptor("P", ["t"], 0, PluginKind.Sync, typeof(OtherPlugin), null, null, null!, _ => null!)).ParamName);
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() =>
            new PluginDescriptor("P", ["t"], 0, PluginKind.Sync, typeof(OtherPlugin), null, null, new PluginConfig(), null!)).ParamName);
    }

    [Fact]
    public void CreatePlugin_CallsTheFactoryWithTheProvider_EachTime()
    {
        IServiceProvider? seen = null;
        var calls = 0;
        var descriptor = Create(factory: sp =>
        {
            seen = sp;
            calls++;
            return new RecordingPlugin();
        });
        var provider = new DictionaryServiceProvider();

        var first = descriptor.CreatePlugin(provider);
        var second = descriptor.CreatePlugin(provider);

        Assert.Same(provider, seen);
        Assert.Equal(2, calls);
        Assert.NotSame(first, second);
        Assert.IsType<RecordingPlugin>(first);
    }

    [Fact]
    public void CreatePlugin_RejectsNullProvider()
    {
        Assert.Throws<ArgumentNullException>(() => Create().CreatePlugin(null!));
    }

    [Fact]
    public void ToString_NamesIdKindAndTaskTypes()
    {
        Assert.Equal("P (Async, task types: a, b)", Create(taskTypes: ["a", "b"]).ToString());
    }

    private sealed class DictionaryServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
