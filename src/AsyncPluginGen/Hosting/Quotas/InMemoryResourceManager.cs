namespace AsyncPluginGen.Hosting;

/// <summary>
/// Quota tokens held in memory, for one host. Honours the namespace's quota and the project and project-and-domain
/// caps of each request. Thread-safe.
/// </summary>
public sealed class InMemoryResourceManager : IResourceManager
{
    private readonly object _gate = new();
    private readonly Dictionary<ResourceNamespace, int> _quotas = new();
    private readonly Dictionary<ResourceNamespace, Dictionary<string, TaskExecutionId>> _held = new();

    /// <inheritdoc />
    public void RegisterQuota(ResourceNamespace ns, int quota)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quota, 1);
        lock (_gate)
        {
            _quotas[ns] = quota;
        }
    }

    /// <summary>How many tokens of <paramref name="ns"/> are held.</summary>
    /// <param name="ns">The namespace.</param>
    /// <returns>The count.</returns>
    public int HeldCount(ResourceNamespace ns)
    {
        lock (_gate)
        {
            return _held.TryGetValue(ns, out var held) ? held.Count : 0;
        }
    }

    /// <inheritdoc />
    public ValueTask<AllocationStatus> AllocateAsync(ResourceNamespace ns, string token, TaskExecutionId owner, ResourceConstraintsSpec constraints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(owner);
        lock (_gate)
        {
            if (!_held.TryGetValue(ns, out var held))
            {
                _held[ns] = held = new Dictionary<string, TaskExecutionId>(StringComparer.Ordinal);
            }

            if (held.ContainsKey(token))
            {
                return new(AllocationStatus.Granted);
            }

            // A namespace without a registered quota is unlimited: quotas come from the plugins' configuration.
            if (_quotas.TryGetValue(ns, out var quota) && held.Count >= quota)
            {
                return new(AllocationStatus.Exhausted);
            }

            if (constraints.ProjectScope is { } projectCap && held.Values.Count(o => o.Project == owner.Project) >= projectCap)
            {
                return new(AllocationStatus.NamespaceQuotaExceeded);
            }

            if (constraints.NamespaceScope is { } namespaceCap
                && held.Values.Count(o => o.Project == owner.Project && o.Domain == owner.Domain) >= namespaceCap)
            {
                return new(AllocationStatus.NamespaceQuotaExceeded);
            }

            held.Add(token, owner);
            return new(AllocationStatus.Granted);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(ResourceNamespace ns, string token, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_held.TryGetValue(ns, out var held))
            {
                held.Remove(token);
            }
        }

        return ValueTask.CompletedTask;
    }
}
