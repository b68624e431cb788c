using Flyteidl.Admin;
using Flyteidl.Service;
using Grpc.Core;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Flyte's <c>AgentMetadataService</c>: one agent per plugin, named by the plugin's id, with the task categories it
/// serves and whether it is synchronous. Propeller calls ListAgents at start-up and every 10 seconds to route tasks.
/// </summary>
internal sealed class AgentMetadataServiceImpl : AgentMetadataService.AgentMetadataServiceBase
{
    private readonly ListAgentsResponse _list = new();
    private readonly Dictionary<string, Flyteidl.Admin.Agent> _byName = new(StringComparer.Ordinal);

    public AgentMetadataServiceImpl(AgentServices services)
    {
        // Built once: the plugins do not change while the service runs, and ListAgents is polled by every propeller.
        foreach (var plugin in services.Plugins.Plugins)
        {
            var agent = new Flyteidl.Admin.Agent { Name = plugin.Id, IsSync = plugin.IsSync };
            foreach (var taskType in plugin.Descriptor.TaskTypes)
            {
                agent.SupportedTaskCategories.Add(new TaskCategory { Name = taskType, Version = plugin.Descriptor.Version });
#pragma warning disable CS0612 // the deprecated list too, for propellers that predate task categories
                agent.SupportedTaskTypes.Add(taskType);
#pragma warning restore CS0612
            }

            _list.Agents.Add(agent);
            _byName[agent.Name] = agent;
        }
    }

    public override Task<ListAgentsResponse> ListAgents(ListAgentsRequest request, ServerCallContext context) => Task.FromResult(_list);

    public override Task<GetAgentResponse> GetAgent(GetAgentRequest request, ServerCallContext context) =>
        _byName.TryGetValue(request.Name, out var agent)
            ? Task.FromResult(new GetAgentResponse { Agent = agent })
            : throw new RpcException(new Status(
                StatusCode.NotFound,
                $"No agent is named '{request.Name}'. This service has: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}."));
}
