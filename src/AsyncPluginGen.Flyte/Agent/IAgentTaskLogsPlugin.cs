using Flyteidl.Admin;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Lets a plugin answer the agent protocol's <c>GetTaskLogs</c>. Without it the agent answers <c>UNIMPLEMENTED</c>.
/// </summary>
/// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
public interface IAgentTaskLogsPlugin<TMeta>
    where TMeta : notnull
{
    /// <summary>Streams the job's logs: an optional header with a continuation token, then bodies of log lines.</summary>
    /// <param name="resourceMeta">The job's meta, verified and decoded by the agent.</param>
    /// <param name="request">The request: how many lines and from which token.</param>
    /// <param name="cancellationToken">Cancels the stream (the call's deadline).</param>
    /// <returns>The responses to stream.</returns>
    IAsyncEnumerable<GetTaskLogsResponse> GetTaskLogsAsync(TMeta resourceMeta, GetTaskLogsRequest request, CancellationToken cancellationToken);
}
