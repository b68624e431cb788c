namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>The body of a successful <c>CreateTrainingJob</c>.</summary>
/// <param name="TrainingJobArn">The new job's ARN.</param>
internal sealed record CreateTrainingJobResponse(string TrainingJobArn);
