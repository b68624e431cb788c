using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Tests;

public sealed class PluginServiceCollectionExtensionsTests
{
    private sealed class Counter
    {
        public int Calls;
    }

    private static PluginDescriptor DependentDescriptor(Counter counter) => new(
        "Dependent",
        ["dependent_task"],
        0,
        PluginKind.Sync,
        typeof(DependentPlugin),
        null,
        null,
        new PluginConfig(),
        sp =>
        {
            counter.Calls++;
            return new DependentPlugin(sp.GetRequiredService<JobService>(), DependentDescriptor(counter));
        });

    private static PluginDescriptor OtherDescriptor() => new(
        "Other", ["other_task"], 0, PluginKind.Sync, typeof(OtherPlugin), null, null, new PluginConfig(),
        _ => new OtherPlugin(OtherDescriptor()));

    private static PluginDescriptor RecordingDescriptor() => new(
        RecordingPlugin.Id, [RecordingPlugin.TaskType], 1, PluginKind.Async, typeof(RecordingPlugin),
        typeof(JobMeta), typeof(JobResource), new PluginConfig(), _ => new RecordingPlugin());

    [Fact]
    public void Plugins_ResolveAsSingletonsOfTheirClass_ThroughTheFactory()
    {
        var counter = new Counter();
        var service = new JobService { Endpoint = "https://injected.test" };
        var services = new ServiceCollection()
            .AddSingleton(service)
            .AddAsyncPluginRegistry(new AlphaRegistry(DependentDescriptor(counter)));

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Equal(0, counter.Calls);

        var first = provider.GetRequiredService<DependentPlugin>();
        var second = provider.GetRequiredService<DependentPlugin>();

        Assert.Same(first, second);
        Assert.Equal(1, counter.Calls);
        Assert.Same(service, first.Service);
        Assert.Equal("Dependent", first.Descriptor.Id);
    }

    [Fact]
    public void Plugin_IsTheSameSingletonAcrossScopes()
    {
        var counter = new Counter();
        var services = new ServiceCollection()
            .AddSingleton(new JobService())
            .AddAsyncPluginRegistry(new AlphaRegistry(DependentDescriptor(counter)));
        using var provider = services.BuildServiceProvider(validateScopes: true);

        DependentPlugin a, b;
        using (var scope = provider.CreateScope())
        {
            a = scope.ServiceProvider.GetRequiredService<DependentPlugin>();
        }

        using (var scope = provider.CreateScope())
        {
            b = scope.ServiceProvider.GetRequiredService<DependentPlugin>();
        }

        Assert.Same(a, b);
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public void MissingDependency_FailsWhenThePluginIsResolved()
    {
        var services = new ServiceCollection().AddAsyncPluginRegistry(new AlphaRegistry(DependentDescriptor(new Counter())));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<DependentPlugin>());
    }

    [Fact]
    public void Catalog_ResolvesAndCombinesTwoRegistries()
    {
        var alpha = new AlphaRegistry(DependentDescriptor(new Counter()), RecordingDescriptor());
        var beta = new BetaRegistry(OtherDescriptor());
        var services = new ServiceCollection()
            .AddSingleton(new JobService())
            .AddAsyncPluginRegistry(alpha)
            .AddAsyncPluginRegistry(beta);
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<PluginCatalog>();

        Assert.Same(catalog, provider.GetRequiredService<PluginCatalog>());
        Assert.Equal(["Dependent", RecordingPlugin.Id, "Other"], catalog.Descriptors.Select(d => d.Id));
        Assert.Equal("Other", catalog.GetDescriptor("other_task").Id);
        Assert.Equal(RecordingPlugin.Id, catalog.GetDescriptor(RecordingPlugin.TaskType).Id);
        Assert.Equal([alpha, beta], provider.GetServices<IPluginRegistry>());
        Assert.IsType<OtherPlugin>(provider.GetRequiredService<OtherPlugin>());
        Assert.IsType<RecordingPlugin>(provider.GetRequiredService<RecordingPlugin>());
    }

    [Fact]
    public void ResolvedPlugin_MatchesItsCatalogDescriptor()
    {
        var services = new ServiceCollection().AddAsyncPluginRegistry(new AlphaRegistry(RecordingDescriptor()));
        using var provider = services.BuildServiceProvider();

        var descriptor = provider.GetRequiredService<PluginCatalog>().GetDescriptor(RecordingPlugin.TaskType);
        var plugin = provider.GetRequiredService(descriptor.PluginType);

        var asyncPlugin = Assert.IsAssignableFrom<IAsyncPlugin>(plugin);
        Assert.Equal(descriptor.Id, asyncPlugin.Descriptor.Id);
    }

    [Fact]
    public void SameRegistryTwice_IsHarmless()
    {
        var counter = new Counter();
        var registry = new AlphaRegistry(DependentDescriptor(counter), OtherDescriptor());
        var services = new ServiceCollection()
            .AddSingleton(new JobService())
            .AddAsyncPluginRegistry(registry)
            .AddAsyncPluginRegistry(registry);

        Assert.Single(services, d => d.ServiceType == typeof(IPluginRegistry));
        Assert.Single(services, d => d.ServiceType == typeof(DependentPlugin));
        Assert.Single(services, d => d.ServiceType == typeof(OtherPlugin));
        Assert.Single(services, d => d.ServiceType == typeof(PluginCatalog));

        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<PluginCatalog>();

        Assert.Equal(["Dependent", "Other"], catalog.Descriptors.Select(d => d.Id));
        Assert.Same(provider.GetRequiredService<DependentPlugin>(), provider.GetRequiredService<DependentPlugin>());
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public void DuplicateTaskType_SurfacesWhenTheCatalogIsResolved()
    {
        var alpha = new AlphaRegistry(Descriptors.Sync<OtherPlugin>("A", "shared"));
        var beta = new BetaRegistry(Descriptors.Sync<DependentPlugin>("B", "shared"));
        var services = new ServiceCollection().AddAsyncPluginRegistry(alpha).AddAsyncPluginRegistry(beta);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<DuplicateTaskTypeException>(() => provider.GetRequiredService<PluginCatalog>());

        Assert.Contains("Alpha.Plugins", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Beta.Plugins", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReturnsTheSameCollection_AndRejectsNulls()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddAsyncPluginRegistry(new AlphaRegistry()));
        Assert.Throws<ArgumentNullException>(() => services.AddAsyncPluginRegistry(null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddAsyncPluginRegistry(new AlphaRegistry()));
    }

    [Fact]
    public void TwoDifferentRegistriesOfOneClass_AreBothInTheCatalog()
    {
        var first = new TestRegistry("First.Plugins", OtherDescriptor());
        var second = new TestRegistry("Second.Plugins", RecordingDescriptor());
        var services = new ServiceCollection().AddAsyncPluginRegistry(first).AddAsyncPluginRegistry(second);
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<PluginCatalog>();

        Assert.Equal(["Other", RecordingPlugin.Id], catalog.Descriptors.Select(d => d.Id));
    }
}
