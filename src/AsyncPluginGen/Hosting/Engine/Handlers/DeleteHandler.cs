namespace AsyncPluginGen.Hosting;

/// <summary>
/// Deletes a task's remote job (abort, deadline, cleanup after a failure), retried on failure, then ends the task with
/// the outcome chosen when the Delete began. A job whose Create outcome is unknown is found first through the idempotent
/// Create.
/// </summary>
internal sealed class DeleteHandler<TMeta, TResource>(
    HostContext host,
    IAsyncPlugin<TMeta, TResource> plugin,
    RemoteCalls calls,
    CapacityGate<TMeta, TResource> capacity,
    StepScheduler<AsyncTaskRecord<TMeta, TResource>> scheduler,
    FinishHandler<TMeta, TResource> finish)
    where TMeta : notnull
    where TResource : notnull
{
    private string PluginId => plugin.Descriptor.Id;

    /// <summary>Deletes the job with reason CleanupOnFailure, then ends the task with <paramref name="phase"/>.</summary>
    public ValueTask CleanUpThenFailAsync(AsyncTaskRecord<TMeta, TResource> record, PhaseInfo phase, PluginState state)
    {
        // The job may still be running, and nobody will watch it again: cancel it before reporting the failure.
        capacity.StopPolling(record);
        record.BeginDelete(DeleteReason.CleanupOnFailure, phase, state);
        return DeleteAsync(record);
    }

    public async ValueTask DeleteAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        var attempt = record.BeginDeleteAttempt();
        if (!record.HasMeta && !await RecoverMetaAsync(record, attempt).ConfigureAwait(false))
        {
            return;
        }

        var outcome = await calls.InvokeAsync(
            RemoteOperation.Delete,
            record,
            (plugin, new DeleteContext<TMeta>(record.Meta, record.DeleteReason)),
            static async (s, ct) =>
            {
                await s.plugin.DeleteAsync(s.Item2, ct).ConfigureAwait(false);
                return true;
            },
            host.Stopping,
            skipIfInterrupted: false);
        using (outcome)
        {
            if (!outcome.Succeeded)
            {
                if (attempt < host.Options.DeleteRetries.MaxAttempts)
                {
                    var delay = host.Options.DeleteRetries.DelayAfter(attempt);
                    HostLog.DeleteRetry(host.Logger, outcome.Exception!, PluginId, record.Task.UniqueName, attempt, delay);
                    scheduler.RetryLater(record, TaskStep.DeleteBackoff, delay, "delete");
                    return;
                }

                HostLog.DeleteGaveUp(host.Logger, outcome.Exception!, PluginId, record.Task.UniqueName, attempt);
            }
        }

        var (phase, state) = record.AfterDelete;
        await finish.FinishAsync(record, phase, state).ConfigureAwait(false);
    }

    /// <summary>
    /// A Create whose outcome is unknown may have created the job. Create is idempotent on the unique name, so calling it
    /// again returns that job's meta (or creates it), which Delete then removes. False when a retry was scheduled or the
    /// task ended.
    /// </summary>
    private async ValueTask<bool> RecoverMetaAsync(AsyncTaskRecord<TMeta, TResource> record, int attempt)
    {
        var outcome = await calls.InvokeAsync(
            RemoteOperation.RecoverMeta,
            record,
            (plugin, record.Task),
            static (s, ct) => s.plugin.CreateAsync(s.Task, ct),
            host.Stopping,
            skipIfInterrupted: false);
        using (outcome)
        {
            if (outcome.Succeeded && outcome.Value.Meta is { } meta)
            {
                record.SetMeta(meta);
                return true;
            }

            if (outcome.Result == CallResult.Transient && attempt < host.Options.DeleteRetries.MaxAttempts)
            {
                scheduler.RetryLater(record, TaskStep.DeleteBackoff, host.Options.DeleteRetries.DelayAfter(attempt), "delete");
                return false;
            }

            // Not transient (or no meta): the service says no job exists for this key, or refuses it; nothing is left to delete.
            HostLog.DeleteGaveUp(host.Logger, outcome.Exception ?? new InvalidOperationException(NullMeta.Message(plugin)), PluginId, record.Task.UniqueName, attempt);
        }

        var (phase, state) = record.AfterDelete;
        await finish.FinishAsync(record, phase, state).ConfigureAwait(false);
        return false;
    }
}
