namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>The body of a successful <c>DescribeTrainingJob</c>, reduced to what the plugin reads. Times are epoch seconds.</summary>
/// <param name="TrainingJobName">The job's name.</param>
/// <param name="TrainingJobArn">The job's ARN.</param>
/// <param name="TrainingJobStatus">The primary status.</param>
/// <param name="SecondaryStatus">The detailed status.</param>
/// <param name="FailureReason">Why the job failed, once it has.</param>
/// <param name="CreationTime">When SageMaker accepted the job.</param>
/// <param name="TrainingStartTime">When training started, once it has.</param>
/// <param name="TrainingEndTime">When the job ended, once it has.</param>
internal sealed record DescribeTrainingJobResponse(
    string TrainingJobName,
    string TrainingJobArn,
    TrainingJobStatus TrainingJobStatus,
    SecondaryStatus SecondaryStatus,
    string? FailureReason,
    double CreationTime,
    double? TrainingStartTime,
    double? TrainingEndTime);
