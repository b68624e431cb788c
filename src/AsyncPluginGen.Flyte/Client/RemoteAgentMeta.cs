namespace AsyncPluginGen.Flyte.Client;

/// <summary>
/// What the host keeps for a task run by a remote agent: the agent's own opaque <c>resource_meta</c>, or, for a task the
/// agent ran synchronously, the final resource it answered (propeller keeps the same two things).
/// </summary>
/// <param name="AgentMeta">The agent's <c>resource_meta</c> bytes, handed back unchanged on Get and Delete.</param>
/// <param name="SyncResource">For a synchronous task, the serialized final <c>Resource</c>; otherwise null.</param>
public sealed record RemoteAgentMeta(byte[] AgentMeta, byte[]? SyncResource = null);
