namespace AsyncPluginGen.Flyte.Client;

/// <summary>
/// Where a remote Flyte agent is and how to call it, with propeller's defaults: 10 s per call, ListAgents every 10 s,
/// the connector plugin's limits (10 calls per second, burst 100, 10 polling workers, resync every 30 s, 5 failed
/// Gets in a row fail the task).
/// </summary>
public sealed class RemoteAgentOptions
{
    /// <summary>The agent's address, for example <c>http://flyte-agent:8000</c> (plain HTTP/2) or <c>https://…</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The task categories to send to this agent.</summary>
    public List<RemoteTaskCategory> TaskCategories { get; set; } = [];

    /// <summary>The deadline of a call without its own entry in <see cref="Timeouts"/>. Default 10 s (propeller's connector default).</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-rpc deadlines by method name (<c>CreateTask</c>, <c>GetTask</c>, <c>DeleteTask</c>, <c>ExecuteTaskSync</c>, <c>ListAgents</c>).</summary>
    public Dictionary<string, TimeSpan> Timeouts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the agent's task categories are listed again (propeller's <c>pollInterval</c>). Default 10 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The limits the host applies to each remote category. Default: propeller's connector plugin (quota 1000 in the
    /// <c>default</c> namespace, 10 reads and writes per second with burst 100, cache 500,000, 10 workers, resync 30 s).
    /// </summary>
    public PluginConfig Config { get; set; } = ConnectorDefaults;

    /// <summary>Propeller's connector plugin defaults.</summary>
    public static PluginConfig ConnectorDefaults { get; } = new()
    {
        ResourceQuotas = new Dictionary<ResourceNamespace, int> { [ResourceNamespace.Default] = 1000 },
        ReadRateLimiter = new RateLimiterConfig { Qps = 10, Burst = 100 },
        WriteRateLimiter = new RateLimiterConfig { Qps = 10, Burst = 100 },
        Caching = new CachingConfig { Size = 500_000, ResyncInterval = TimeSpan.FromSeconds(30), Workers = 10, MaxSystemFailures = 5 },
    };

    internal TimeSpan TimeoutOf(string method) => Timeouts.TryGetValue(method, out var timeout) ? timeout : DefaultTimeout;

    /// <summary>Checks the options; the message says what to fix.</summary>
    /// <exception cref="ArgumentException">A value is missing or out of range.</exception>
    public void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"RemoteAgentOptions.Endpoint is '{Endpoint}', but it must be an absolute http:// or https:// address of the agent, for example http://flyte-agent:8000.");
        }

        if (TaskCategories.Count == 0)
        {
            throw new ArgumentException($"RemoteAgentOptions.TaskCategories is empty: name the task types (and versions) to send to the agent at {Endpoint}.");
        }

        foreach (var category in TaskCategories)
        {
            if (string.IsNullOrWhiteSpace(category.TaskType))
            {
                throw new ArgumentException("A RemoteAgentOptions.TaskCategories entry has no TaskType.");
            }
        }

        foreach (var (name, value) in Timeouts.Append(new KeyValuePair<string, TimeSpan>("DefaultTimeout", DefaultTimeout)).Append(new("PollInterval", PollInterval)))
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
            {
                throw new ArgumentException($"RemoteAgentOptions {name} is {value}, but it must be positive and at most one hour.");
            }
        }

        Config.Validate("remote agent");
        foreach (var category in TaskCategories.Where(c => c.Config is not null))
        {
            category.Config!.Validate(category.EffectivePluginId);
        }
    }
}
