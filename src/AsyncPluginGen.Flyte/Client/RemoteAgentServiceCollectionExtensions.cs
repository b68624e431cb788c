using AsyncPluginGen;
using AsyncPluginGen.Flyte.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers remote Flyte agents as plugins of the host.</summary>
public static class RemoteAgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the task categories of one remote Flyte agent as plugins: the <see cref="AsyncPluginGen.Hosting.PluginHost"/>
    /// then runs tasks of those types through the agent as propeller does. Call it once per agent.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the endpoint and task categories, and optionally deadlines and limits.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">The options are incomplete or out of range.</exception>
    public static IServiceCollection AddRemoteAgent(this IServiceCollection services, Action<RemoteAgentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RemoteAgentOptions();
        configure(options);
        var registry = new RemoteAgentRegistry(options);

        // A factory, so the container disposes the registry (its channel and discovery) with itself.
        services.AddSingleton<IPluginRegistry>(_ => registry);
        services.TryAddSingleton(sp => new PluginCatalog(sp.GetServices<IPluginRegistry>()));
        return services;
    }
}
