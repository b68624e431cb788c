namespace AsyncPluginGen.Samples.Training;

/// <summary>The body of <c>DescribeTrainingJob</c> and <c>StopTrainingJob</c>: SageMaker addresses jobs by name.</summary>
/// <param name="TrainingJobName">The job's name.</param>
internal sealed record TrainingJobNameRequest(string TrainingJobName);
