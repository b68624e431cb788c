namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// The body of a successful <c>DescribeTrainingJob</c>, reduced to what the plugin reads: the resource its Status maps
/// to a phase.
/// </summary>
/// <param name="TrainingJobName">The job's name.</param>
/// <param name="TrainingJobArn">The job's ARN.</param>
/// <param name="TrainingJobStatus">The primary status, which decides the task's phase.</param>
/// <param name="SecondaryStatus">
/// The detailed status (<c>Starting</c>, <c>Downloading</c>, <c>Training</c>, ...). Kept as text: SageMaker has many
/// and adds more, and the plugin only shows it.
/// </param>
/// <param name="FailureReason">Why the job failed; the task's error message when it did.</param>
/// <param name="CreationTime">When SageMaker accepted the job.</param>
/// <param name="TrainingStartTime">When training started, once it has.</param>
/// <param name="TrainingEndTime">When the job ended, once it has.</param>
public sealed record DescribeTrainingJobResponse(
    string TrainingJobName,
    string TrainingJobArn,
    [property: PhaseSource] TrainingJobStatus TrainingJobStatus,
    string? SecondaryStatus,
    [property: PhaseMessage] string? FailureReason,
    DateTimeOffset CreationTime,
    DateTimeOffset? TrainingStartTime = null,
    DateTimeOffset? TrainingEndTime = null);
