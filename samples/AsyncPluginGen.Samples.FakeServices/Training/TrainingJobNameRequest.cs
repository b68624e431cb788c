namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>The body of <c>DescribeTrainingJob</c> and <c>StopTrainingJob</c>: jobs are addressed by name.</summary>
/// <param name="TrainingJobName">The job's name.</param>
internal sealed record TrainingJobNameRequest(string? TrainingJobName);
