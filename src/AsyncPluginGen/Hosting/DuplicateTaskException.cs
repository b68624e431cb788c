namespace AsyncPluginGen.Hosting;

/// <summary>
/// Thrown when a task is submitted while another with the same unique name but another task type is still running. (A
/// task of the same type is the same task: <see cref="PluginHost.Submit"/> returns its handle.)
/// </summary>
public sealed class DuplicateTaskException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="uniqueName">The unique name already in flight.</param>
    public DuplicateTaskException(string uniqueName)
        : base($"A task with unique name '{uniqueName}' is already running. Each attempt needs its own execution id " +
               "(or retry attempt number); wait for the running one to end, or abort it first.")
    {
        UniqueName = uniqueName;
    }

    /// <summary>Creates the exception, naming both task types.</summary>
    /// <param name="uniqueName">The unique name already in flight.</param>
    /// <param name="runningTaskType">The task type of the task in flight.</param>
    /// <param name="submittedTaskType">The task type of the refused submission.</param>
    public DuplicateTaskException(string uniqueName, string runningTaskType, string submittedTaskType)
        : base($"A task with unique name '{uniqueName}' is already running with task type '{runningTaskType}'; this submission has " +
               $"task type '{submittedTaskType}'. A unique name is one remote job: give each task its own execution id, or wait " +
               "for the running one to end.")
    {
        UniqueName = uniqueName;
    }

    /// <summary>The unique name already in flight.</summary>
    public string UniqueName { get; }
}
