using AsyncPluginGen.Flyte.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.FlyteAgent;

#pragma warning disable CS1591 // shown in docs/flyte-agent.md as it is here; a test keeps the two identical

// <snippet:RemoteAgent>
public static class RemoteAgentExample
{
    public static IServiceCollection AddWarehouseAgent(this IServiceCollection services, Uri agent) =>
        services
            .AddRemoteAgent(remote =>
            {
                remote.Endpoint = agent;                                   // for example http://flyte-agent:8000
                remote.TaskCategories.Add(new RemoteTaskCategory { TaskType = "warehouse_query", Version = 1 });
                remote.Timeouts["GetTask"] = TimeSpan.FromSeconds(5);
            })
            .AddPluginHost();
}
// </snippet:RemoteAgent>
