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

        // Write-ahead: the Delete (and the outcome after it) is durable before it is sent, so a crash resumes it.
        host.Persist(record);
        await host.DurableAsync(record).ConfigureAwait(false);
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
                var (gaveUp, gaveUpState) = GaveUp(record, attempt, outcome.Exception!);
                await finish.FinishAsync(record, gaveUp, gaveUpState).ConfigureAwait(false);
                return;
            }
        }

        var (phase, state) = record.AfterDelete;
        await finish.FinishAsync(record, phase, state).ConfigureAwait(false);
    }

    /// <summary>
    /// The outcome of a task whose Delete gave up: the outcome chosen when the Delete began, saying that the remote job
    /// may still exist. An abort stays <see cref="TaskPhase.Aborted"/> with error code <see cref="HostReasons.DeleteGaveUp"/>;
    /// a failure (deadline, cleanup) keeps its phase and code, its message extended. Counted in asyncplugin.delete.gave_up.
    /// </summary>
    private (PhaseInfo Phase, PluginState State) GaveUp(AsyncTaskRecord<TMeta, TResource> record, int attempts, Exception lastError)
    {
        host.Metrics.DeleteGaveUp(PluginId, record.Task.TaskType);
        var note = GaveUpMessage(PluginId, record.Task.UniqueName, attempts, lastError.Message);
        var (phase, state) = record.AfterDelete;
        if (phase.Phase == TaskPhase.Aborted)
        {
            return (PhaseInfo.Failed(TaskPhase.Aborted, new ExecutionError(HostReasons.DeleteGaveUp, note, ExecutionErrorKind.System), phase.Info), state);
        }

        var error = phase.Error ?? ExecutionError.Unknown;
        return (PhaseInfo.Failed(phase.Phase, error with { Message = $"{error.Message} {note}" }, phase.Info, phase.CleanupOnFailure), state);
    }

    /// <summary>Says the job may still exist, naming the plugin, the task and the last Delete error (each cut to a bound).</summary>
    internal static string GaveUpMessage(string pluginId, string uniqueName, int attempts, string lastError) =>
        $"The remote job of task '{Cut(uniqueName, MaxNameLength)}' may still exist: Delete by plugin '{pluginId}' gave up after {attempts} attempt(s). Last Delete error: {Cut(lastError, MaxErrorLength)}";

    /// <summary>The longest last Delete error kept in the message.</summary>
    internal const int MaxErrorLength = 512;

    private const int MaxNameLength = 256;

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    /// <summary>
    /// A Create whose outcome is unknown may have created the job. Create is idempotent on the unique name, so calling it
    /// again returns that job's meta (or creates it), which Delete then removes. Only a permanent refusal means no job
    /// exists; any other failure is retried, then reported as a job that may still exist. False when a retry was
    /// scheduled or the task ended.
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
                host.Persist(record);
                return true;
            }

            if (outcome.Result != CallResult.Permanent)
            {
                // Unreachable, failing, or no meta: the job may well exist. Try again while attempts remain, then say so.
                var exception = outcome.Exception ?? new InvalidOperationException(NullMeta.Message(plugin));
                if (attempt < host.Options.DeleteRetries.MaxAttempts)
                {
                    scheduler.RetryLater(record, TaskStep.DeleteBackoff, host.Options.DeleteRetries.DelayAfter(attempt), "delete");
                    return false;
                }

                HostLog.DeleteGaveUp(host.Logger, exception, PluginId, record.Task.UniqueName, attempt);
                var (gaveUp, gaveUpState) = GaveUp(record, attempt, exception);
                await finish.FinishAsync(record, gaveUp, gaveUpState).ConfigureAwait(false);
                return false;
            }

            // The service refused the Create for good (a permanent failure): no job exists under this key.
        }

        var (phase, state) = record.AfterDelete;
        await finish.FinishAsync(record, phase, state).ConfigureAwait(false);
        return false;
    }
}
