namespace AsyncPluginGen.Flyte.Agent;

/// <summary>The agent's traces: one server span per rpc, tagged with the task type and task.</summary>
public static class AgentActivity
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name, to enable in an OpenTelemetry pipeline.</summary>
    public const string SourceName = "AsyncPluginGen.Flyte.Agent";
}
