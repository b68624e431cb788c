namespace AsyncPluginGen.Samples.Training;

/// <summary>The inputs of a <c>training_job</c> task, a camelCase JSON object.</summary>
/// <param name="TrainingImage">The training container, an Amazon ECR image URI. Required.</param>
/// <param name="InstanceType">The ML instance type; a GPU type (<c>ml.p3.2xlarge</c>) takes a token of the GPU quota.</param>
/// <param name="InstanceCount">How many instances, at least 1.</param>
/// <param name="MaxRuntimeSeconds">The longest the job may run before SageMaker stops it, 1 s to 28 days.</param>
public sealed record TrainingJobInputs(
    string TrainingImage,
    string InstanceType = "ml.m5.xlarge",
    int InstanceCount = 1,
    int MaxRuntimeSeconds = 3600)
{
    /// <summary>SageMaker's longest allowed <c>MaxRuntimeInSeconds</c>: 28 days.</summary>
    public const int MaxRuntimeLimitSeconds = 28 * 24 * 60 * 60;

    /// <summary>The inputs of <paramref name="task"/>, checked.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="ArgumentException">An input is missing or invalid; the message names the task and the input.</exception>
    internal static TrainingJobInputs Read(TaskContext task)
    {
        var inputs = TaskInputs.Read(task, TrainingInputsJson.Default.TrainingJobInputs);
        if (string.IsNullOrWhiteSpace(inputs.TrainingImage))
        {
            throw TaskInputs.Invalid(task, "trainingImage", "is required: the training container's image URI.");
        }

        if (!InstanceTypes.IsValid(inputs.InstanceType))
        {
            throw TaskInputs.Invalid(task, "instanceType", $"must be an ML instance type such as ml.m5.xlarge, not '{inputs.InstanceType}'.");
        }

        if (inputs.InstanceCount < 1)
        {
            throw TaskInputs.Invalid(task, "instanceCount", FormattableString.Invariant($"must be at least 1, not {inputs.InstanceCount}."));
        }

        if (inputs.MaxRuntimeSeconds is < 1 or > MaxRuntimeLimitSeconds)
        {
            throw TaskInputs.Invalid(task, "maxRuntimeSeconds", FormattableString.Invariant($"must be between 1 and {MaxRuntimeLimitSeconds} (28 days), not {inputs.MaxRuntimeSeconds}."));
        }

        return inputs;
    }
}
