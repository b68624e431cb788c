namespace AsyncPluginGen.Samples.Training;

/// <summary>The inputs of a <c>training_image_check</c> task, a camelCase JSON object.</summary>
/// <param name="TrainingImage">The image to check, an Amazon ECR image URI. Required.</param>
public sealed record TrainingImageCheckInputs(string TrainingImage)
{
    /// <summary>The inputs of <paramref name="task"/>, checked.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="ArgumentException">The image is missing; the message names the task and the input.</exception>
    internal static TrainingImageCheckInputs Read(TaskContext task)
    {
        var inputs = TaskInputs.Read(task, TrainingInputsJson.Default.TrainingImageCheckInputs);
        return string.IsNullOrWhiteSpace(inputs.TrainingImage)
            ? throw TaskInputs.Invalid(task, "trainingImage", "is required: the image URI to check.")
            : inputs;
    }
}
