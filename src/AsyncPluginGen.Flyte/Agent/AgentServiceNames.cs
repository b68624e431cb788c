namespace AsyncPluginGen.Flyte.Agent;

/// <summary>The fully qualified gRPC service names the agent serves (what health probes and reflection name).</summary>
public static class AgentServiceNames
{
    /// <summary><c>flyteidl.service.AsyncAgentService</c>.</summary>
    public const string AsyncAgentService = "flyteidl.service.AsyncAgentService";

    /// <summary><c>flyteidl.service.SyncAgentService</c>.</summary>
    public const string SyncAgentService = "flyteidl.service.SyncAgentService";

    /// <summary><c>flyteidl.service.AgentMetadataService</c>.</summary>
    public const string AgentMetadataService = "flyteidl.service.AgentMetadataService";

    /// <summary>All three.</summary>
    public static IReadOnlyList<string> All { get; } = [AsyncAgentService, SyncAgentService, AgentMetadataService];
}
