namespace AsyncPluginGen.Hosting;

/// <summary>
/// Polls created tasks: one Get per task, or one batched Get per resync chunk for an <see cref="IBatchGetPlugin{TMeta, TResource}"/>.
/// Failed Gets are counted per task; more than <c>MaxSystemFailures</c> in a row fail the task after deleting its job.
/// </summary>
internal sealed class PollHandler<TMeta, TResource> : IDisposable
    where TMeta : notnull
    where TResource : notnull
{
    private readonly HostContext _host;
    private readonly IAsyncPlugin<TMeta, TResource> _plugin;
    private readonly PluginConfig _config;
    private readonly RemoteCalls _calls;
    private readonly StepScheduler<AsyncTaskRecord<TMeta, TResource>> _scheduler;
    private readonly StatusHandler<TMeta, TResource> _status;
    private readonly DeleteHandler<TMeta, TResource> _delete;
    private readonly SemaphoreSlim _batchSlots;

    public PollHandler(
        HostContext host,
        IAsyncPlugin<TMeta, TResource> plugin,
        PluginConfig config,
        RemoteCalls calls,
        StepScheduler<AsyncTaskRecord<TMeta, TResource>> scheduler,
        StatusHandler<TMeta, TResource> status,
        DeleteHandler<TMeta, TResource> delete)
    {
        _host = host;
        _plugin = plugin;
        _config = config;
        _calls = calls;
        _scheduler = scheduler;
        _status = status;
        _delete = delete;
        BatchPlugin = plugin is IBatchGetPlugin<TMeta, TResource> { MaxBatchSize: > 1 } batch ? batch : null;
        // Batches share the plugin's worker budget: no more than Caching.Workers remote reads at once.
        _batchSlots = new SemaphoreSlim(config.Caching.Workers);
    }

    /// <summary>The plugin's batched Get, when it has one worth using.</summary>
    public IBatchGetPlugin<TMeta, TResource>? BatchPlugin { get; }

    private string PluginId => _plugin.Descriptor.Id;

    public async ValueTask PollAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        var outcome = await _calls.InvokeAsync(
            RemoteOperation.Get,
            record,
            (_plugin, new GetContext<TMeta>(record.Meta)),
            static (s, ct) => s._plugin.GetAsync(s.Item2, ct),
            _host.Stopping).ConfigureAwait(false);
        using (outcome)
        {
            if (outcome.Result == CallResult.Interrupted)
            {
                return; // The interrupt scheduled the task again: its next step is the Delete.
            }

            if (!outcome.Succeeded)
            {
                await FailedAsync(record, outcome.Exception!).ConfigureAwait(false);
                return;
            }

            if (record.SetResource(outcome.Value!))
            {
                _host.Persist(record);
            }
        }

        await _status.ApplyAsync(record).ConfigureAwait(false);
    }

    /// <summary>
    /// One batched Get for a resync's share of created tasks: one read permit, one remote call. A task another worker
    /// holds (an abort in progress, a poll after Create) is left out and polled at the next resync.
    /// </summary>
    public async Task PollBatchAsync(AsyncTaskRecord<TMeta, TResource>[] candidates)
    {
        var batch = candidates.Where(r => !r.IsFinished && r.TryClaim()).ToList();
        if (batch.Count == 0)
        {
            return;
        }

        var slot = false;
        try
        {
            await _batchSlots.WaitAsync(_host.Stopping).ConfigureAwait(false);
            slot = true;
            var outcome = await _calls.InvokeAsync(
                RemoteOperation.GetBatch,
                batch[0],
                (this, batch),
                static (s, ct) => s.Item1.GetBatchAsync(s.batch, ct),
                _host.Stopping,
                skipIfInterrupted: false).ConfigureAwait(false);
            outcome.Dispose();
            for (var i = 0; i < batch.Count; i++)
            {
                var record = batch[i];
                if (record.IsFinished || record.Interrupt != TaskInterrupt.None)
                {
                    continue;
                }

                if (outcome.Succeeded)
                {
                    if (record.SetResource(outcome.Value![i]))
                    {
                        _host.Persist(record);
                    }

                    await _status.ApplyAsync(record).ConfigureAwait(false);
                }
                else
                {
                    await FailedAsync(record, outcome.Exception!).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
        {
            // The host stopped; it ended the tasks.
        }
        finally
        {
            if (slot)
            {
                _batchSlots.Release();
            }

            foreach (var record in batch)
            {
                _scheduler.Queue.Release(record);
            }
        }
    }

    private async ValueTask<IReadOnlyList<TResource>> GetBatchAsync(List<AsyncTaskRecord<TMeta, TResource>> batch, CancellationToken cancellationToken)
    {
        var resources = await BatchPlugin!.GetBatchAsync(batch.Select(r => r.Meta).ToList(), cancellationToken).ConfigureAwait(false);
        return resources.Count == batch.Count
            ? resources
            : throw new InvalidOperationException($"GetBatchAsync of plugin '{PluginId}' returned {resources.Count} resources for {batch.Count} metas; it must return one per meta, in order.");
    }

    private async ValueTask FailedAsync(AsyncTaskRecord<TMeta, TResource> record, Exception exception)
    {
        if (exception is PermanentTaskFailureException permanent)
        {
            // The plugin says the job cannot succeed: no more Gets; the job exists, so it is deleted first.
            await _delete.CleanUpThenFailAsync(record, PhaseInfo.Failure(permanent.Code, permanent.Message), PluginState.UserFailure).ConfigureAwait(false);
            return;
        }

        _host.Metrics.SyncError(PluginId);
        var failures = record.CountGetFailure();
        _host.Persist(record);
        HostLog.GetFailed(_host.Logger, exception, PluginId, record.Task.UniqueName, failures, _config.Caching.MaxSystemFailures);

        // Consecutive failures only: a success resets the count (Flyte never resets it), and exceeding the limit
        // fails the task even after earlier successes (Flyte would keep reporting the stale resource).
        if (failures > _config.Caching.MaxSystemFailures)
        {
            await _delete.CleanUpThenFailAsync(record, PhaseInfo.Failure(HostReasons.AutoRefreshCacheFailed,
                $"Get failed {failures} times in a row (MaxSystemFailures is {_config.Caching.MaxSystemFailures}); last error: {exception.Message}"), PluginState.UserFailure).ConfigureAwait(false);
        }
    }

    public void Dispose() => _batchSlots.Dispose();
}
