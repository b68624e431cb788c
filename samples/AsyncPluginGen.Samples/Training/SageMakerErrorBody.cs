using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Training;

/// <summary>The body of an AWS JSON 1.1 error response.</summary>
/// <param name="Type">The error's type; AWS may qualify it (<c>com.amazonaws.sagemaker#ResourceInUse</c>).</param>
/// <param name="Message">A message for people.</param>
internal sealed record SageMakerErrorBody(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message)
{
    /// <summary>The type without the namespace AWS may put before a <c>#</c>.</summary>
    public string? ShortType => Type?[(Type.LastIndexOf('#') + 1)..];
}
