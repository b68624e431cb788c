using AsyncPluginGen.Flyte.Agent;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Flyte agent's gRPC endpoints.</summary>
public static class FlyteAgentEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>AsyncAgentService</c>, <c>SyncAgentService</c>, <c>AgentMetadataService</c>, <c>grpc.health.v1.Health</c>
    /// and (unless disabled) server reflection. Register the services first with
    /// <see cref="FlyteAgentServiceCollectionExtensions.AddFlyteAgent"/>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    public static IEndpointRouteBuilder MapFlyteAgent(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Built now, so a plugin the agent cannot serve (no meta serializer, a bad override) fails start-up, not the first call.
        endpoints.ServiceProvider.GetRequiredService<AgentPluginTable>();
        endpoints.MapGrpcService<AsyncAgentServiceImpl>();
        endpoints.MapGrpcService<SyncAgentServiceImpl>();
        endpoints.MapGrpcService<AgentMetadataServiceImpl>();
        endpoints.MapGrpcHealthChecksService();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<FlyteAgentOptions>>().Value.EnableReflection)
        {
            endpoints.MapGrpcReflectionService();
        }

        return endpoints;
    }
}
