namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// Checks, before a pipeline starts its training jobs, that their container image exists and may be pulled: one quick
/// synchronous call, so a sync plugin. A bad image fails the task at once rather than each training job minutes later.
/// Inputs: <see cref="TrainingImageCheckInputs"/>.
/// </summary>
/// <param name="client">SageMaker's client.</param>
[SyncPlugin(TaskType)]
public sealed partial class TrainingImageCheckPlugin(TrainingClient client)
{
    /// <summary>The task type the plugin serves.</summary>
    public const string TaskType = "training_image_check";

    /// <summary>The error code of a task whose image is not valid.</summary>
    public const string InvalidImageCode = "InvalidTrainingImage";

    /// <summary>Checks the image.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or a permanent failure with SageMaker's reason: retrying will not make the image appear.</returns>
    /// <exception cref="ArgumentException">The image input is missing.</exception>
    public async Task<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var inputs = TrainingImageCheckInputs.Read(task);
        var image = await client.DescribeTrainingImageAsync(inputs.TrainingImage, cancellationToken).ConfigureAwait(false);
        return image.Valid
            ? PhaseInfo.Success()
            : PhaseInfo.Failure(InvalidImageCode, image.Reason ?? $"The training image '{inputs.TrainingImage}' is not valid.");
    }
}
