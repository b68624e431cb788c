namespace AsyncPluginGen.Samples.Training;

/// <summary>The body of <c>DescribeTrainingImage</c>.</summary>
/// <param name="TrainingImage">The image to check.</param>
internal sealed record DescribeTrainingImageRequest(string TrainingImage);
