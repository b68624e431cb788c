using Microsoft.Extensions.Options;
using AsyncPluginGen.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncPluginGen.Tests;

/// <summary>The host's DI registration, configuration binding with per-plugin overrides, and its validation.</summary>
public sealed class PluginHostRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddAsyncPluginRegistry(new AlphaRegistry(RecordingPlugin.CreateDescriptor()));
        services.AddPluginHost(configuration.GetSection(PluginHostOptions.SectionName));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Options_and_per_plugin_overrides_are_bound_from_configuration()
    {
        await using var provider = Build(new()
        {
            ["AsyncPluginGen:TickInterval"] = "00:00:00.250",
            ["AsyncPluginGen:SyncOnCreate"] = "false",
            ["AsyncPluginGen:CreateRetries:MaxAttempts"] = "7",
            ["AsyncPluginGen:Plugins:RecordingPlugin:Workers"] = "3",
            ["AsyncPluginGen:Plugins:RecordingPlugin:ResyncInterval"] = "00:00:10",
            ["AsyncPluginGen:Plugins:RecordingPlugin:ReadQps"] = "12.5",
            ["AsyncPluginGen:Plugins:RecordingPlugin:ResourceQuotas:warehouse"] = "40",
        });

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PluginHostOptions>>().Value;
        var config = provider.GetRequiredService<PluginHost>().GetEffectiveConfig(RecordingPlugin.Id);

        Assert.Equal(TimeSpan.FromMilliseconds(250), options.TickInterval);
        Assert.False(options.SyncOnCreate);
        Assert.Equal(7, options.CreateRetries.MaxAttempts);
        Assert.Equal(3, config.Caching.Workers);
        Assert.Equal(TimeSpan.FromSeconds(10), config.Caching.ResyncInterval);
        Assert.Equal(12.5, config.ReadRateLimiter.Qps);
        Assert.Equal(300, config.ReadRateLimiter.Burst);
        Assert.Equal(40, config.ResourceQuotas[new ResourceNamespace("warehouse")]);
    }

    [Fact]
    public async Task Override_outside_flytes_range_fails_naming_plugin_key_value_and_range()
    {
        await using var provider = Build(new() { ["AsyncPluginGen:Plugins:RecordingPlugin:Workers"] = "0" });

        // The options validator runs when the options are first read (and at start-up through ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PluginHost>());

        Assert.Contains("'RecordingPlugin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Caching.Workers is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("1–10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_of_an_unknown_plugin_fails_listing_the_known_ids()
    {
        await using var provider = Build(new() { ["AsyncPluginGen:Plugins:NoSuchPlugin:Workers"] = "3" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PluginHost>());

        Assert.Contains("'NoSuchPlugin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("RecordingPlugin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hosted_service_starts_and_stops_the_host()
    {
        await using var provider = Build([]);
        var service = Assert.Single(provider.GetServices<IHostedService>().OfType<PluginHostService>());
        var host = provider.GetRequiredService<PluginHost>();

        await service.StartAsync(CancellationToken.None);
        await service.StopAsync(CancellationToken.None);

        Assert.Throws<ObjectDisposedException>(() => host.Submit(new TaskContext(RecordingPlugin.TaskType, new TaskExecutionId("p", "d", "e", "n"))));
    }
}
