namespace AsyncPluginGen.Samples.Training;

/// <summary>The body of a successful <c>CreateTrainingJob</c>.</summary>
/// <param name="TrainingJobArn">The new job's ARN.</param>
public sealed record CreateTrainingJobResponse(string TrainingJobArn);
