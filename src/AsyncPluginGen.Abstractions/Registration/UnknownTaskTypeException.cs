namespace AsyncPluginGen;

/// <summary>Thrown when no registered plugin serves a task type.</summary>
public sealed class UnknownTaskTypeException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskType">The task type nobody serves.</param>
    /// <param name="knownTaskTypes">The task types that are served.</param>
    public UnknownTaskTypeException(string taskType, IEnumerable<string> knownTaskTypes)
        : base($"No plugin serves task type '{taskType}'. Known task types: {Format(knownTaskTypes)}. " +
               "Register the assembly that declares the plugin (its generated Add...Plugins() method), or fix the task type.")
    {
        TaskType = taskType;
    }

    /// <summary>The task type nobody serves.</summary>
    public string TaskType { get; }

    private static string Format(IEnumerable<string> types)
    {
        var list = types.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
