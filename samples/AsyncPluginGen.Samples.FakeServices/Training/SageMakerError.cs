using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>The body of every error response of the AWS JSON 1.1 protocol.</summary>
/// <param name="Type">The error's type, such as <c>ValidationException</c>.</param>
/// <param name="Message">A message for people.</param>
internal sealed record SageMakerError(
    [property: JsonPropertyName("__type")] string Type,
    [property: JsonPropertyName("message")] string Message);
