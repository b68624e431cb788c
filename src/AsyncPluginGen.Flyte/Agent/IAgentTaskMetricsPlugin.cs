using Flyteidl.Admin;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Lets a plugin answer the agent protocol's <c>GetTaskMetrics</c>. Without it the agent answers <c>UNIMPLEMENTED</c>.
/// </summary>
/// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
public interface IAgentTaskMetricsPlugin<TMeta>
    where TMeta : notnull
{
    /// <summary>Reads the job's metrics for the requested queries and time range.</summary>
    /// <param name="resourceMeta">The job's meta, verified and decoded by the agent.</param>
    /// <param name="request">The queries, start and end time and step.</param>
    /// <param name="cancellationToken">Cancels the call (the call's deadline).</param>
    /// <returns>The metric results.</returns>
    ValueTask<GetTaskMetricsResponse> GetTaskMetricsAsync(TMeta resourceMeta, GetTaskMetricsRequest request, CancellationToken cancellationToken);
}
