namespace AsyncPluginGen.Hosting;

/// <summary>Thrown when a task is submitted while another with the same unique name is still running.</summary>
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

    /// <summary>The unique name already in flight.</summary>
    public string UniqueName { get; }
}
