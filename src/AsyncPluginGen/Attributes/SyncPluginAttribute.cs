namespace AsyncPluginGen;

/// <summary>
/// Marks a <see langword="partial"/> class as a sync plugin. The generator implements <see cref="ISyncPlugin"/>
/// from a <c>Do</c>/<c>DoAsync(TaskContext[, CancellationToken])</c> handler returning <see cref="PhaseInfo"/>,
/// directly or as <see cref="Task{TResult}"/>/<see cref="ValueTask{TResult}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SyncPluginAttribute : Attribute
{
    /// <summary>Declares the task types the plugin serves.</summary>
    /// <param name="taskTypes">One or more task types.</param>
    public SyncPluginAttribute(params string[] taskTypes) => TaskTypes = taskTypes;

    /// <summary>The task types the plugin serves.</summary>
    public IReadOnlyList<string> TaskTypes { get; }

    /// <summary>The task category version (default 1).</summary>
    public int Version { get; set; } = 1;

    /// <summary>The plugin's id; defaults to the class name.</summary>
    public string? Id { get; set; }
}
