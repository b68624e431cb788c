using AsyncPluginGen;
using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Flyte.Meta;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Flyte agent service: the gRPC services, health, reflection, metrics and the meta envelope.</summary>
public static class FlyteAgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Flyte agent over every plugin in the <see cref="PluginCatalog"/> (register plugin assemblies with
    /// their generated <c>Add...Plugins()</c> methods). Options bind from <paramref name="configuration"/> (usually the
    /// <c>FlyteAgent</c> section) and are validated at start-up. Map the endpoints with
    /// <see cref="Microsoft.AspNetCore.Builder.FlyteAgentEndpointRouteBuilderExtensions.MapFlyteAgent"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="FlyteAgentOptions"/>, or null.</param>
    /// <param name="configure">Adjusts the options after binding.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddFlyteAgent(this IServiceCollection services, IConfiguration? configuration = null, Action<FlyteAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FlyteAgentOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlyteAgentOptions>, FlyteAgentOptionsValidator>());

        services.TryAddSingleton(sp => new ResourceMetaEnvelope(sp.GetRequiredService<IOptions<FlyteAgentOptions>>().Value.ResourceMeta));
        services.TryAddSingleton(sp => new AgentMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var table = new AgentPluginTable(
                sp.GetRequiredService<PluginCatalog>(),
                sp,
                sp.GetRequiredService<IOptions<FlyteAgentOptions>>().Value);
            AgentLog.Serving(sp.GetRequiredService<ILoggerFactory>().CreateLogger("AsyncPluginGen.Flyte.Agent"), table.Plugins.Sum(p => p.Descriptor.TaskTypes.Count), table.KnownCategories);
            return table;
        });
        services.TryAddSingleton<AgentServices>();

        // Stateless: one instance each, rather than one per call (gRPC takes a registered service from the container).
        services.TryAddSingleton<AsyncAgentServiceImpl>();
        services.TryAddSingleton<SyncAgentServiceImpl>();
        services.TryAddSingleton<AgentMetadataServiceImpl>();

        services.AddGrpc();
        services.AddOptions<Grpc.AspNetCore.Server.GrpcServiceOptions>().Configure<IOptions<FlyteAgentOptions>>((grpc, agent) =>
        {
            grpc.MaxReceiveMessageSize = agent.Value.MaxReceiveMessageBytes;

            // Outputs are capped by MaxOutputBytes with a clear failure; this only guards against anything larger.
            grpc.MaxSendMessageSize = null;
        });
        services.AddGrpcHealthChecks(health =>
        {
            // Answer SERVING for "" and for each service name: the Kubernetes gRPC probe asks for one of them.
            health.Services.Map("", _ => true);
            foreach (var service in AgentServiceNames.All)
            {
                health.Services.Map(service, _ => true);
            }
        }).AddCheck<AgentHealthCheck>("flyte-agent");
        services.AddGrpcReflection();
        return services;
    }
}
