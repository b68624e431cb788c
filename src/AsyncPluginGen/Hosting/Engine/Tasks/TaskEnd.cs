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
        if (!record.TryFinish(phase, state, host.Time.GetUtcNow(), out var phaseEvent))
        {
            return false;
        }

        host.Feed.Publish(phaseEvent);
        host.Tasks.Remove(record);
        record.Complete(new TaskResult(record.Task.ExecutionId, phase, state, record.MetaObject, record.ResourceObject));
        return true;
    }

    /// <summary>
    /// The host stopped before the task ended: watchers and observers see a final <see cref="HostReasons.HostStopped"/>
    /// system failure, and the handle completes with an <see cref="OperationCanceledException"/>. Nothing remote is
    /// touched: the job is not deleted and its quota token is not released.
    /// </summary>
    public static void Abandon(HostContext host, TaskRecord record)
    {
        var phase = PhaseInfo.SystemFailure(HostReasons.HostStopped,
            $"The plugin host stopped before task '{record.Task.UniqueName}' ended; its remote job was not deleted.");
        if (record.TryFinish(phase, PluginState.SystemFailure, host.Time.GetUtcNow(), out var phaseEvent))
        {
            host.Feed.Publish(phaseEvent);
            record.Fail(new OperationCanceledException(phase.Error!.Value.Message));
        }

        host.Tasks.Remove(record);
    }

    /// <summary>Publishes a non-terminal phase (unchanged phases and versions are not repeated).</summary>
    public static void Publish(HostContext host, TaskRecord record, PhaseInfo phase)
    {
        if (record.TryPublish(phase, host.Time.GetUtcNow(), out var phaseEvent))
        {
            host.Feed.Publish(phaseEvent);
        }
    }
}
