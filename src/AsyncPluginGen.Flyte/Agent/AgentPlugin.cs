using System.Threading.RateLimiting;
using Flyteidl.Admin;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// One plugin as the agent serves it. The services work on this untyped face; the typed subclasses recover the
/// plugin's ResourceMeta and Resource types once, so nothing on the request path casts or reflects.
/// </summary>
internal abstract class AgentPlugin(PluginDescriptor descriptor, PluginConfig config) : IDisposable
{
    public PluginDescriptor Descriptor { get; } = descriptor;

    public string Id => Descriptor.Id;

    public abstract bool IsSync { get; }

    /// <summary>Read calls (Get, logs, metrics), limited per replica as the plugin declares.</summary>
    public RateLimiter Reads { get; } = CreateLimiter(config.ReadRateLimiter);

    /// <summary>Write calls (Create, Delete, sync execution), limited per replica as the plugin declares.</summary>
    public RateLimiter Writes { get; } = CreateLimiter(config.WriteRateLimiter);

    public PluginConfig Config { get; } = config;

    /// <summary>How long one read permit takes to come back, on average.</summary>
    public TimeSpan ReadPeriod { get; } = TimeSpan.FromSeconds(1 / config.ReadRateLimiter.Qps);

    /// <summary>How long one write permit takes to come back, on average.</summary>
    public TimeSpan WritePeriod { get; } = TimeSpan.FromSeconds(1 / config.WriteRateLimiter.Qps);

    public void Dispose()
    {
        Reads.Dispose();
        Writes.Dispose();
    }

    /// <summary>
    /// A token bucket refilled at the declared rate. A timer cannot tick faster than about a millisecond (a shorter
    /// period rounds to zero, which stops the timer after its first tick), so above 100 per second the bucket gets
    /// several tokens every 10 ms or more, chosen so the rate is still exact.
    /// </summary>
    private static TokenBucketRateLimiter CreateLimiter(RateLimiterConfig limits)
    {
        var tokens = Math.Max(1, (int)Math.Ceiling(limits.Qps / 100));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / limits.Qps),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}

/// <summary>An async plugin (Create, Get, Delete) behind the agent.</summary>
internal abstract class AsyncAgentPlugin(PluginDescriptor descriptor, PluginConfig config) : AgentPlugin(descriptor, config)
{
    public override bool IsSync => false;

    /// <summary>Starts the remote job and returns the payload to seal into <c>resource_meta</c>.</summary>
    public abstract ValueTask<byte[]> CreateAsync(TaskContext task, CancellationToken cancellationToken);

    /// <summary>Reads the job and maps it to a Flyte resource.</summary>
    public abstract ValueTask<Resource> GetAsync(AgentMetaPayload payload, string? outputPrefix, CancellationToken cancellationToken);

    /// <summary>Cancels the job.</summary>
    public abstract ValueTask DeleteAsync(AgentMetaPayload payload, CancellationToken cancellationToken);

    /// <summary>Deletes a job whose meta could not be handed back, so it does not leak.</summary>
    public abstract ValueTask DeleteCreatedAsync(byte[] payload, CancellationToken cancellationToken);

    /// <summary>The plugin's task logs, or null when it offers none.</summary>
    public abstract IAsyncEnumerable<GetTaskLogsResponse>? GetLogs(AgentMetaPayload payload, GetTaskLogsRequest request, CancellationToken cancellationToken);

    /// <summary>The plugin's task metrics, or null when it offers none.</summary>
    public abstract ValueTask<GetTaskMetricsResponse>? GetMetrics(AgentMetaPayload payload, GetTaskMetricsRequest request, CancellationToken cancellationToken);
}

/// <summary>A sync plugin (one Do call) behind the agent.</summary>
internal sealed class SyncAgentPlugin(ISyncPlugin plugin, PluginDescriptor descriptor, PluginConfig config) : AgentPlugin(descriptor, config)
{
    public override bool IsSync => true;

    public ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken) => plugin.DoAsync(task, cancellationToken);
}
