namespace AsyncPluginGen.Hosting;

/// <summary>
/// The quota gate (Flyte's allocation token): a task holds a token of its namespace from before Create until it ends.
/// A task refused a token parks here and is woken by the next release in its namespace, or by the resync.
/// </summary>
internal sealed class QuotaGate<TMeta, TResource>
    where TMeta : notnull
    where TResource : notnull
{
    private readonly Dictionary<ResourceNamespace, Queue<AsyncTaskRecord<TMeta, TResource>>> _waiting = new();
    private readonly HostContext _host;
    private readonly string _pluginId;

    public QuotaGate(HostContext host, string pluginId, IReadOnlyDictionary<ResourceNamespace, int> quotas)
    {
        _host = host;
        _pluginId = pluginId;
        Enabled = quotas.Count > 0;
        foreach (var (ns, quota) in quotas)
        {
            host.Resources.RegisterQuota(ns, quota);
        }
    }

    /// <summary>Whether the plugin has quotas at all; without, tasks go straight to Create (as Flyte does).</summary>
    public bool Enabled { get; }

    /// <summary>Asks for the task's token. True: the task holds it. False: the task is parked (and told so).</summary>
    public async ValueTask<bool> TryAdmitAsync(AsyncTaskRecord<TMeta, TResource> record, ResourceRequirements requirements)
    {
        var ns = requirements.Namespace;
        var status = await _host.Resources.AllocateAsync(ns, record.Task.UniqueName, record.Task.ExecutionId, requirements.Constraints, _host.Stopping).ConfigureAwait(false);
        var now = _host.Time.GetUtcNow();
        if (status != AllocationStatus.Granted)
        {
            // Flyte treats NamespaceQuotaExceeded as an error; it is a wait like any other exhausted quota.
            _host.Metrics.AllocationFailed(_pluginId, ns);
            record.StartWaiting(now);
            record.MoveTo(TaskStep.WaitForQuota);
            TaskEnd.Publish(_host, record, PhaseInfo.WaitingForResources(HostReasons.WaitingForQuota));
            lock (_waiting)
            {
                if (!_waiting.TryGetValue(ns, out var queue))
                {
                    _waiting[ns] = queue = new Queue<AsyncTaskRecord<TMeta, TResource>>();
                }

                queue.Enqueue(record);
            }

            return false;
        }

        _host.Metrics.AllocationGranted(_pluginId, ns, record.StopWaiting(now));
        record.HoldToken(ns);
        return true;
    }

    /// <summary>
    /// A created task recovered from the store takes its token again (the resource manager of the previous process is
    /// gone). It is not parked when refused: its job runs already and must be watched; the refusal is counted.
    /// </summary>
    public async ValueTask ReadoptAsync(AsyncTaskRecord<TMeta, TResource> record, IAsyncPlugin<TMeta, TResource> plugin)
    {
        if (!Enabled)
        {
            return;
        }

        var requirements = plugin.GetResourceRequirements(record.Task);
        var status = await _host.Resources.AllocateAsync(requirements.Namespace, record.Task.UniqueName, record.Task.ExecutionId, requirements.Constraints, _host.Stopping).ConfigureAwait(false);
        if (status == AllocationStatus.Granted)
        {
            _host.Metrics.AllocationGranted(_pluginId, requirements.Namespace, TimeSpan.Zero);
            record.HoldToken(requirements.Namespace);
        }
        else
        {
            _host.Metrics.AllocationFailed(_pluginId, requirements.Namespace);
        }
    }

    /// <summary>Releases the task's token, if it holds one (exactly once); returns its namespace.</summary>
    public async ValueTask<ResourceNamespace?> ReleaseAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        if (record.TakeToken() is not { } ns)
        {
            return null;
        }

        try
        {
            await _host.Resources.ReleaseAsync(ns, record.Task.UniqueName, CancellationToken.None).ConfigureAwait(false);
            _host.Metrics.Released(_pluginId, ns, success: true);
        }
        catch (Exception exception)
        {
            _host.Metrics.Released(_pluginId, ns, success: false);
            HostLog.ReleaseFailed(_host.Logger, exception, _pluginId, record.Task.UniqueName);
        }

        return ns;
    }

    /// <summary>The oldest live waiter of <paramref name="ns"/>, to try again now that a token is free.</summary>
    public AsyncTaskRecord<TMeta, TResource>? TakeWaiter(ResourceNamespace ns)
    {
        lock (_waiting)
        {
            return _waiting.TryGetValue(ns, out var queue) ? Waiters.DequeueLive(queue) : null;
        }
    }

    /// <summary>The resync: every waiter gets another chance.</summary>
    public void TakeAllWaiters(List<AsyncTaskRecord<TMeta, TResource>> into)
    {
        lock (_waiting)
        {
            foreach (var queue in _waiting.Values)
            {
                while (queue.TryDequeue(out var waiter))
                {
                    into.Add(waiter);
                }
            }
        }
    }
}
