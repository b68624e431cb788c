namespace AsyncPluginGen.Hosting;

/// <summary>
/// Brings a task from NotStarted to ResourcesCreated: through the quota gate (its token), the capacity gate (a cache
/// slot), then Create, retried after transient failures. A created task is polled from then on.
/// </summary>
internal sealed class CreateHandler<TMeta, TResource>(
    HostContext host,
    IAsyncPlugin<TMeta, TResource> plugin,
    RemoteCalls calls,
    QuotaGate<TMeta, TResource> quota,
    CapacityGate<TMeta, TResource> capacity,
    StepScheduler<AsyncTaskRecord<TMeta, TResource>> scheduler,
    StatusHandler<TMeta, TResource> status,
    FinishHandler<TMeta, TResource> finish)
    where TMeta : notnull
    where TResource : notnull
{
    private string PluginId => plugin.Descriptor.Id;

    /// <summary>NotStarted: takes a quota token (when the plugin has quotas), then creates.</summary>
    public async ValueTask AllocateAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        if (quota.Enabled)
        {
            ResourceRequirements requirements;
            try
            {
                requirements = plugin.GetResourceRequirements(record.Task);
            }
            catch (Exception exception)
            {
                await finish.FinishAsync(record, PhaseInfo.SystemFailure(HostReasons.SystemError, $"ResourceRequirements of plugin '{PluginId}' threw {exception.GetType().Name}: {exception.Message}"), PluginState.SystemFailure).ConfigureAwait(false);
                return;
            }

            if (!await quota.TryAdmitAsync(record, requirements).ConfigureAwait(false))
            {
                return;
            }
        }

        record.Advance(PluginState.AllocationTokenAcquired);
        record.MoveTo(TaskStep.Create);
        if (quota.Enabled)
        {
            TaskEnd.Publish(host, record, PhaseInfo.Queued(HostReasons.AllocationTokenAcquired));
        }

        await CreateAsync(record).ConfigureAwait(false);
    }

    /// <summary>AllocationTokenAcquired: takes a cache slot, or parks until one is free, and creates.</summary>
    public async ValueTask CreateAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        if (!capacity.TryAdmit(record))
        {
            record.StartWaiting(host.Time.GetUtcNow());
            record.MoveTo(TaskStep.WaitForCapacity);
            TaskEnd.Publish(host, record, PhaseInfo.WaitingForResources(HostReasons.WaitingForCacheCapacity));
            return;
        }

        try
        {
            await CreateAdmittedAsync(record).ConfigureAwait(false);
        }
        finally
        {
            capacity.ReleaseSlot(record);
        }
    }

    private async ValueTask CreateAdmittedAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        // Write-ahead: the task is in the store before its job may exist, so a crash during Create cannot forget it.
        await host.DurableAsync(record).ConfigureAwait(false);
        var outcome = await calls.InvokeAsync(
            RemoteOperation.Create,
            record,
            (plugin, record),
            static (s, ct) =>
            {
                s.record.BeginAttempt();
                return s.plugin.CreateAsync(s.record.Task, ct);
            },
            host.Stopping).ConfigureAwait(false);
        Created<TMeta, TResource> created;
        using (outcome)
        {
            if (!outcome.Succeeded)
            {
                await FailedAsync(record, outcome).ConfigureAwait(false);
                return;
            }

            created = outcome.Value;
        }

        if (created.Meta is null)
        {
            // Every Get would throw on it and the cleanup Delete would receive it: fail now, saying what Create must do.
            await finish.FinishAsync(record, NullMeta.Phase(plugin), PluginState.SystemFailure).ConfigureAwait(false);
            return;
        }

        // The meta is kept even when Create returned the resource, so an abort can still Delete.
        record.SetMeta(created.Meta);
        record.Advance(PluginState.ResourcesCreated);
        host.Persist(record);
        record.MoveTo(TaskStep.Poll);

        // In the polling set before "launched" is published, so whoever sees the launch sees a task the next resync polls.
        // An interrupt that comes meanwhile takes it out again on its way to the Delete.
        if (record.Interrupt == TaskInterrupt.None)
        {
            capacity.StartPolling(record);
        }

        TaskEnd.Publish(host, record, PhaseInfo.Queued(HostReasons.Launched, version: 2));
        if (record.Interrupt != TaskInterrupt.None)
        {
            return; // The interrupt scheduled the task again: its next step is the Delete.
        }

        if (created.HasResource)
        {
            record.SetResource(created.Resource!);
            await status.ApplyAsync(record).ConfigureAwait(false);
        }
        else if (host.Options.SyncOnCreate)
        {
            scheduler.Schedule(record);
        }
    }

    private async ValueTask FailedAsync(AsyncTaskRecord<TMeta, TResource> record, CallOutcome<Created<TMeta, TResource>> outcome)
    {
        var exception = outcome.Exception;
        switch (outcome.Result)
        {
            case CallResult.Interrupted:
                return; // Aborted or timed out before or during the call: the interrupt's step decides about the job.
            case CallResult.Permanent:
                var permanent = (PermanentTaskFailureException)exception!;
                await FailAsync(record, PhaseInfo.Failure(permanent.Code, permanent.Message)).ConfigureAwait(false);
                return;
            case CallResult.Failed when !RefusedRequests.CreatedNothing(exception!):
                // Not transient, but the request may have reached the service (a 2xx whose body did not parse, say):
                // "created, meta unknown", resolved through the idempotent Create before the task ends.
                record.NoteCreateMayHaveSucceeded();
                host.Persist(record);
                break;
            case CallResult.Transient:
                record.NoteCreateMayHaveSucceeded();
                host.Persist(record);
                if (record.Attempts < host.Options.CreateRetries.MaxAttempts && record.Interrupt == TaskInterrupt.None)
                {
                    var delay = host.Options.CreateRetries.DelayAfter(record.Attempts);
                    HostLog.CreateRetry(host.Logger, exception!, PluginId, record.Task.UniqueName, record.Attempts, delay);
                    scheduler.RetryLater(record, TaskStep.CreateBackoff, delay, "create");
                    return;
                }

                break;
        }

        if (record.Interrupt != TaskInterrupt.None)
        {
            return; // The abort path decides whether a job may exist and must be deleted.
        }

        HostLog.CreateFailed(host.Logger, exception!, PluginId, record.Task.UniqueName, record.Attempts);
        await FailAsync(record, PhaseInfo.RetryableFailure(HostReasons.TaskFailedWithError, $"Create failed after {record.Attempts} attempt(s): {exception!.Message}")).ConfigureAwait(false);
    }

    private async ValueTask FailAsync(AsyncTaskRecord<TMeta, TResource> record, PhaseInfo phase)
    {
        if (record.JobMayExist)
        {
            // An earlier attempt may have created the job although this one failed: find it and delete it.
            record.BeginDelete(DeleteReason.CleanupOnFailure, phase, PluginState.UserFailure);
            scheduler.Schedule(record);
            return;
        }

        await finish.FinishAsync(record, phase, PluginState.UserFailure).ConfigureAwait(false);
    }
}
