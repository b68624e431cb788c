using AsyncPluginGen;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers plugin assemblies with a service collection. Generated <c>Add...Plugins()</c> methods call this.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Registers the registry, every plugin in it as a singleton of its own class (created by the generated
    /// factory, dependencies resolved from the container), and the <see cref="PluginCatalog"/> that combines
    /// all registered registries. Registering the same registry twice is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="registry">The generated registry of a plugin assembly.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddAsyncPluginRegistry(this IServiceCollection services, IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(registry);
        // By instance, not by class: TryAddEnumerable would drop a second registry of the same class.
        if (!services.Any(d => d.ServiceType == typeof(IPluginRegistry) && !d.IsKeyedService && ReferenceEquals(d.ImplementationInstance, registry)))
        {
            services.AddSingleton(registry);
        }

        foreach (var descriptor in registry.Descriptors)
        {
            services.TryAdd(ServiceDescriptor.Singleton(descriptor.PluginType, descriptor.CreatePlugin));
        }

        services.TryAddSingleton(sp => new PluginCatalog(sp.GetServices<IPluginRegistry>()));
        return services;
    }
}
