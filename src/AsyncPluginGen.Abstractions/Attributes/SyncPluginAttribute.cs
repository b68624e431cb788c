namespace AsyncPluginGen;

/// <summary>
/// Marks a <see langword="partial"/> class as a sync plugin. The generator implements <see cref="ISyncPlugin"/>
/// from a <c>Do</c>/<c>DoAsync(TaskContext[, CancellationToken])</c> handler returning <see cref="PhaseInfo"/>,
/// directly or as <see cref="Task{TResult}"/>/<see cref="ValueTask{TResult}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SyncPluginAttribute : PluginAttribute
{
    /// <summary>Declares the task types the plugin serves.</summary>
    /// <param name="taskTypes">One or more task types, for example <c>"warehouse_query"</c>.</param>
    public SyncPluginAttribute(params string[] taskTypes)
        : base(taskTypes)
    {
    }
}
