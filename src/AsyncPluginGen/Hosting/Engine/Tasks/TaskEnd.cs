namespace AsyncPluginGen.Hosting;

/// <summary>
/// The last thing that happens to a task, whoever ends it: its final phase reaches its watchers and the host's
/// observers, its unique name leaves the table, and its handle completes. Shared by the async and sync runners and
/// by the host when it stops.
/// </summary>
internal static class TaskEnd
{
    /// <summary>Ends the task with its outcome; false when it had already ended.</summary>
    public static bool Finish(HostContext host, TaskRecord record, PhaseInfo phase, PluginState state)
    {
        phase = RemoteText.Clean(phase, record.Task, host.Options.MaxRemoteTextLength);
        if (!record.TryFinish(phase, state, host.Time.GetUtcNow(), out var phaseEvent))
        {
            return false;
        }

        host.Feed.Publish(phaseEvent);
        var result = new TaskResult(record.Task.ExecutionId, phase, state, record.MetaObject, record.ResourceObject);
        if (host.Journal is null)
        {
            host.Tasks.Remove(record);
            record.Complete(result);
            return true;
        }

        // The handle completes, and the task leaves the table, once the outcome is durable: a caller that saw it never
        // sees the task run again after a crash, and until then the task is found in the table, not half in the store.
        host.Persist(record);
        var durable = host.DurableAsync(record);
        if (durable.IsCompletedSuccessfully)
        {
            Ended(host, record, result);
        }
        else
        {
            _ = EndWhenDurableAsync(host, durable, record, result);
        }

        return true;
    }

    /// <summary>
    /// The host stopped before the task ended: watchers and observers see a final <see cref="HostReasons.HostStopped"/>
    /// system failure, and the handle completes with an <see cref="OperationCanceledException"/>. Nothing remote is
    /// touched: the job is not deleted and its quota token is not released. With a task store (<paramref name="resumable"/>)
    /// nothing is written either: the next host resumes the task as the store last saw it.
    /// </summary>
    /// <returns>Whether this ended the task (false when it had ended already).</returns>
    public static bool Abandon(HostContext host, TaskRecord record, bool resumable)
    {
        var phase = PhaseInfo.SystemFailure(HostReasons.HostStopped, resumable
            ? $"The plugin host stopped before task '{record.Task.UniqueName}' ended; it resumes when a host next opens the task store."
            : $"The plugin host stopped before task '{record.Task.UniqueName}' ended; its remote job was not deleted.");
        var ended = record.TryFinish(phase, PluginState.SystemFailure, host.Time.GetUtcNow(), out var phaseEvent);
        if (ended)
        {
            host.Feed.Publish(phaseEvent);
            record.Fail(new OperationCanceledException(phase.Error!.Value.Message));
        }

        host.Tasks.Remove(record);
        return ended;
    }

    private static async Task EndWhenDurableAsync(HostContext host, ValueTask durable, TaskRecord record, TaskResult result)
    {
        try
        {
            await durable.ConfigureAwait(false);
        }
        finally
        {
            Ended(host, record, result);
        }
    }

    private static void Ended(HostContext host, TaskRecord record, TaskResult result)
    {
        host.Tasks.Remove(record);
        record.Complete(result);
    }

    /// <summary>Publishes a non-terminal phase (unchanged phases and versions are not repeated).</summary>
    public static void Publish(HostContext host, TaskRecord record, PhaseInfo phase)
    {
        phase = RemoteText.Clean(phase, record.Task, host.Options.MaxRemoteTextLength);
        if (record.TryPublish(phase, host.Time.GetUtcNow(), out var phaseEvent))
        {
            host.Persist(record);
            host.Feed.Publish(phaseEvent);
        }
    }
}
