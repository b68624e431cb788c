using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AsyncPluginGen.Samples.Training;

/// <summary>Reads a task's inputs into a record, turning malformed JSON into an error that names the task and the input.</summary>
internal static class TaskInputs
{
    /// <summary>The inputs of <paramref name="task"/> as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The inputs' record.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="type">How to read the record.</param>
    /// <returns>The inputs, not yet checked beyond their JSON types.</returns>
    /// <exception cref="ArgumentException">The inputs are not an object, or an input has the wrong JSON type.</exception>
    public static T Read<T>(TaskContext task, JsonTypeInfo<T> type)
        where T : class
    {
        if (task.Inputs.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The inputs of task {task.UniqueName} must be a JSON object, not {task.Inputs.ValueKind}.", nameof(task));
        }

        try
        {
            return task.Inputs.Deserialize(type) ?? throw new ArgumentException($"The inputs of task {task.UniqueName} are empty.", nameof(task));
        }
        catch (JsonException e)
        {
            var input = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : e.Path;
            throw new ArgumentException($"Input '{input}' of task {task.UniqueName} has the wrong JSON type: {e.Message}", nameof(task), e);
        }
    }

    /// <summary>An error about one input of a task.</summary>
    /// <param name="task">The task.</param>
    /// <param name="input">The input's name, as in the JSON.</param>
    /// <param name="problem">What is wrong, completing "Input 'x' of task y ...".</param>
    /// <returns>The exception to throw.</returns>
    public static ArgumentException Invalid(TaskContext task, string input, string problem) =>
        new($"Input '{input}' of task {task.UniqueName} {problem}", nameof(task));
}
