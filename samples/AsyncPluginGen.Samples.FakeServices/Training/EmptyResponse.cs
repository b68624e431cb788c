namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>The <c>{}</c> body of a successful <c>StopTrainingJob</c>.</summary>
internal sealed record EmptyResponse;
