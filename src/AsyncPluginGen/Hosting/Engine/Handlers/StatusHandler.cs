namespace AsyncPluginGen.Hosting;

/// <summary>
/// Turns a fresh resource into the task's phase (the plugin's Status): a non-terminal phase is published, a terminal one
/// ends the task, after writing a success's outputs or deleting a failed job that asks for cleanup.
/// </summary>
internal sealed class StatusHandler<TMeta, TResource>(
    HostContext host,
    IAsyncPlugin<TMeta, TResource> plugin,
    CapacityGate<TMeta, TResource> capacity,
    DeleteHandler<TMeta, TResource> delete,
    FinishHandler<TMeta, TResource> finish)
    where TMeta : notnull
    where TResource : notnull
{
    private string PluginId => plugin.Descriptor.Id;

    public async ValueTask ApplyAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        PhaseInfo phase;
        var statusThrew = false;
        var started = host.Time.GetTimestamp();
        try
        {
            phase = plugin.Status(new StatusContext<TMeta, TResource>(record.Task, record.Meta, record.Resource));
            host.Metrics.Operation(PluginId, record.Task.TaskType, "status", host.Time.GetElapsedTime(started), null);
        }
        catch (Exception exception)
        {
            host.Metrics.Operation(PluginId, record.Task.TaskType, "status", host.Time.GetElapsedTime(started), HostReasons.SystemError);
            HostLog.StatusFailed(host.Logger, RemoteText.Clean(exception, record.Task, host.Options.MaxRemoteTextLength), PluginId, record.Task.UniqueName);
            phase = PhaseInfo.SystemFailure(HostReasons.SystemError, $"Status of plugin '{PluginId}' threw {exception.GetType().Name}: {exception.Message}");
            statusThrew = true;
        }

        if (!phase.IsTerminal)
        {
            // NotReady and Undefined keep the created job: Flyte would call Create again and leak the first one.
            TaskEnd.Publish(host, record, phase);

            // Status has what it needs; keeping the resource until the next read would hold every in-flight job's
            // (possibly large) remote resource for nothing.
            record.ReleaseResource();
            return;
        }

        capacity.StopPolling(record);
        if (phase.Phase == TaskPhase.Success && plugin is ITaskOutputsPlugin<TMeta, TResource> producer)
        {
            phase = await WriteOutputsAsync(producer, record, phase).ConfigureAwait(false);
        }

        var state = TaskSteps.FinalState(phase);
        // A Status that threw says nothing about the job, which may still be running: cancel it like a cleanup.
        if ((phase.CleanupOnFailure || statusThrew) && phase.Phase.IsFailure())
        {
            await delete.CleanUpThenFailAsync(record, phase, state).ConfigureAwait(false);
            return;
        }

        await finish.FinishAsync(record, phase, state).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a succeeded job's outputs and writes them to the task's output writer, as propeller writes outputs.pb
    /// before it reports success. Outputs that cannot be read or written fail the task (Flyte's OutputsNotFound).
    /// </summary>
    private async ValueTask<PhaseInfo> WriteOutputsAsync(ITaskOutputsPlugin<TMeta, TResource> producer, AsyncTaskRecord<TMeta, TResource> record, PhaseInfo success)
    {
        try
        {
            var outputs = await producer.GetOutputsAsync(new StatusContext<TMeta, TResource>(record.Task, record.Meta, record.Resource), host.Stopping).ConfigureAwait(false);
            if (outputs is { } json)
            {
                await record.Task.Outputs.WriteOutputsAsync(json, host.Stopping).ConfigureAwait(false);
            }

            return success;
        }
        catch (Exception exception) when (!host.Stopping.IsCancellationRequested)
        {
            return PhaseInfo.SystemFailure(HostReasons.OutputsNotFound, $"The job succeeded, but its outputs could not be read or written: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
