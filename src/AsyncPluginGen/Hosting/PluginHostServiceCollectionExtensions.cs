using System.Diagnostics.Metrics;
using AsyncPluginGen;
using AsyncPluginGen.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <see cref="PluginHost"/> and its hosted service.</summary>
public static class PluginHostServiceCollectionExtensions
{
    /// <summary>
    /// Registers the plugin host as a singleton, an <see cref="IHostedService"/> that starts and stops it, an
    /// <see cref="InMemoryResourceManager"/> (unless an <see cref="IResourceManager"/> is registered) and
    /// <see cref="TimeProvider.System"/> (unless a <see cref="TimeProvider"/> is registered). Register plugin assemblies
    /// with their generated <c>Add...Plugins()</c> methods. The options are validated when the application starts
    /// (<c>ValidateOnStart</c>): a value out of range fails start-up with an <see cref="OptionsValidationException"/>
    /// listing every problem. Resolving <see cref="PluginHost"/> outside a generic host validates them too.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPluginHost(this IServiceCollection services) => AddPluginHostCore(services, configure: null);

    /// <summary>Registers the plugin host as <see cref="AddPluginHost(IServiceCollection)"/> does, adjusting its options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPluginHost(this IServiceCollection services, Action<PluginHostOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddPluginHostCore(services, configure);
    }

    /// <summary>
    /// Registers the plugin host with options bound from <paramref name="configuration"/> (usually the
    /// <c>AsyncPluginGen</c> section): for example <c>AsyncPluginGen:Plugins:WarehousePlugin:Workers = 20</c>.
    /// Values outside their ranges fail start-up with a message naming plugin, key, value and range.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="PluginHostOptions"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPluginHost(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPluginHost(configuration, static _ => { });

    /// <summary>Registers the plugin host with options bound from <paramref name="configuration"/>, then adjusted.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="PluginHostOptions"/>.</param>
    /// <param name="configure">Adjusts the options after binding.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddPluginHost(this IServiceCollection services, IConfiguration configuration, Action<PluginHostOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PluginHostOptions>().Bind(configuration);
        return AddPluginHostCore(services, configure);
    }

    private static IServiceCollection AddPluginHostCore(IServiceCollection services, Action<PluginHostOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PluginHostOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PluginHostOptions>, PluginHostOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IResourceManager, InMemoryResourceManager>();
        services.TryAddSingleton(sp => new PluginHost(
            sp.GetRequiredService<PluginCatalog>(),
            sp,
            sp.GetRequiredService<IOptions<PluginHostOptions>>().Value,
            sp.GetRequiredService<IResourceManager>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>(),
            sp.GetService<ITaskStore>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PluginHostService>());
        return services;
    }
}
