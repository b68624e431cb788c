namespace AsyncPluginGen.Hosting;

/// <summary>Publishes a task's phase changes: to its watchers under the record's lock, then to the host's observers.</summary>
internal static class TaskEvents
{
    /// <summary>
    /// Records and publishes <paramref name="phase"/> if the phase or its version changed (always when
    /// <paramref name="finalState"/> ends the task). Phase, state and watcher delivery change together under the record's
    /// lock, so a watcher that subscribes concurrently sees either the old state and this event, or the new state only.
    /// </summary>
    public static void Publish(TaskRecord record, PhaseInfo phase, PluginState? finalState, string pluginId, HostContext host)
    {
        PhaseEvent phaseEvent;
        lock (record)
        {
            if (finalState is null && (record.IsFinished || (record.Phase.Phase == phase.Phase && record.Phase.Version == phase.Version)))
            {
                return;
            }

            record.Phase = phase;
            if (finalState is { } state)
            {
                record.State = state;
            }

            phaseEvent = new PhaseEvent(record.Task.ExecutionId, record.Task.TaskType, pluginId, phase, record.State, host.Time.GetUtcNow());
            if (record.Watchers is { } watchers)
            {
                foreach (var watcher in watchers)
                {
                    watcher.Writer.TryWrite(phaseEvent);
                    if (record.IsFinished)
                    {
                        watcher.Writer.TryComplete();
                    }
                }

                if (record.IsFinished)
                {
                    record.Watchers = null;
                }
            }
        }

        host.PhaseChanged(record, phaseEvent);
    }
}
