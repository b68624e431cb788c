namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>The body of a successful <c>DescribeTrainingImage</c>.</summary>
/// <param name="TrainingImage">The image checked.</param>
/// <param name="Valid">Whether a training job could run it.</param>
/// <param name="Reason">Why not, when it could not.</param>
internal sealed record DescribeTrainingImageResponse(string TrainingImage, bool Valid, string? Reason);
