namespace AsyncPluginGen.Hosting;

/// <summary>
/// Hands out quota tokens (Flyte's <c>ResourceManager</c>). The in-memory default serves one host; implement this to
/// share quotas between hosts (for example in Redis).
/// </summary>
public interface IResourceManager
{
    /// <summary>Requests a token. Idempotent: asking again for a token already held returns <see cref="AllocationStatus.Granted"/>.</summary>
    /// <param name="ns">The quota's namespace.</param>
    /// <param name="token">The token, the task's unique name.</param>
    /// <param name="owner">The task attempt, for project and namespace caps.</param>
    /// <param name="constraints">The caps that apply.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether the token is held.</returns>
    ValueTask<AllocationStatus> AllocateAsync(ResourceNamespace ns, string token, TaskExecutionId owner, ResourceConstraintsSpec constraints, CancellationToken cancellationToken);

    /// <summary>Releases a token; releasing one not held does nothing.</summary>
    /// <param name="ns">The quota's namespace.</param>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the token is released.</returns>
    ValueTask ReleaseAsync(ResourceNamespace ns, string token, CancellationToken cancellationToken);

    /// <summary>Sets the quota of a namespace: the most tokens held at once.</summary>
    /// <param name="ns">The namespace.</param>
    /// <param name="quota">The quota.</param>
    void RegisterQuota(ResourceNamespace ns, int quota);
}
