namespace AsyncPluginGen;

/// <summary>
/// Marks a <see langword="partial"/> class as an async web-API plugin. The generator implements
/// <see cref="IAsyncPlugin{TMeta, TResource}"/> on it from the class's handlers:
/// <list type="bullet">
/// <item><c>Create</c>/<c>CreateAsync(TaskContext[, CancellationToken])</c> returning <c>TMeta</c> or
/// <see cref="Created{TMeta, TResource}"/>, directly or as <see cref="Task{TResult}"/>/<see cref="ValueTask{TResult}"/>;</item>
/// <item><c>Get</c>/<c>GetAsync(TMeta[, CancellationToken])</c> returning <c>TResource</c>, directly or as a task;</item>
/// <item><c>Delete</c>/<c>DeleteAsync(TMeta[, DeleteReason][, CancellationToken])</c> returning void or a task (recommended);</item>
/// <item>optionally <c>GetResourceRequirements(TaskContext)</c> returning <see cref="ResourceRequirements"/>;</item>
/// <item>optionally a handwritten <c>Status(TResource)</c> or <c>Status(in StatusContext&lt;TMeta, TResource&gt;)</c>
/// returning <see cref="PhaseInfo"/>; otherwise Status is generated from <see cref="PhaseSourceAttribute"/>.</item>
/// </list>
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AsyncPluginAttribute : PluginAttribute
{
    /// <summary>Declares the task types the plugin serves.</summary>
    /// <param name="taskTypes">One or more task types, for example <c>"warehouse_query"</c>.</param>
    public AsyncPluginAttribute(params string[] taskTypes)
        : base(taskTypes)
    {
    }
}
