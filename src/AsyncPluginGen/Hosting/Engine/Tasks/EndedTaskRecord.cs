namespace AsyncPluginGen.Hosting;

/// <summary>A task that ended before this host started, read back from the task store: its handle is complete.</summary>
internal sealed class EndedTaskRecord(TaskContext task, string pluginId) : TaskRecord(task, pluginId, deadline: null)
{
    public override object? MetaObject => null;

    public override object? ResourceObject => null;

    public void End(PhaseInfo phase, PluginState state, DateTimeOffset endedAt)
    {
        TryFinish(phase, state, endedAt, out _);
        Complete(new TaskResult(Task.ExecutionId, phase, state, null, null));
    }
}
