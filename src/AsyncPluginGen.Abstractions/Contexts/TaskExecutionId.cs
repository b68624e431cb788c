using System.Globalization;

namespace AsyncPluginGen;

/// <summary>Identifies one attempt of one task in one workflow execution (Flyte's <c>TaskExecutionID</c>).</summary>
/// <param name="Project">The project.</param>
/// <param name="Domain">The domain, for example <c>development</c>.</param>
/// <param name="ExecutionName">The workflow execution's name.</param>
/// <param name="NodeId">The node within the workflow.</param>
/// <param name="RetryAttempt">The attempt number, from 0.</param>
public sealed record TaskExecutionId(string Project, string Domain, string ExecutionName, string NodeId, int RetryAttempt = 0)
{
    /// <summary>
    /// A name unique to this attempt, stable across restarts (Flyte's <c>GetGeneratedName</c>). Plugins use it
    /// as the idempotency key of Create; the host uses it as the cache key and the quota token.
    /// </summary>
    /// <remarks>Computed on each read, so a copy made with <see langword="with"/> never reports a stale name.</remarks>
    public string GeneratedName =>
        string.Create(CultureInfo.InvariantCulture, $"{Project}-{Domain}-{ExecutionName}-{NodeId}-{RetryAttempt}");

    /// <inheritdoc />
    public override string ToString() => GeneratedName;
}
