using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// SageMaker's wire types, serialized without reflection. The AWS JSON 1.1 protocol uses the API's PascalCase member
/// names as they are (no naming policy) and epoch-second timestamps; error bodies vary in the case of
/// <c>message</c>, hence case-insensitive reads.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(CreateTrainingJobRequest))]
[JsonSerializable(typeof(CreateTrainingJobResponse))]
[JsonSerializable(typeof(TrainingJobNameRequest))]
[JsonSerializable(typeof(DescribeTrainingJobResponse))]
[JsonSerializable(typeof(DescribeTrainingImageRequest))]
[JsonSerializable(typeof(DescribeTrainingImageResponse))]
[JsonSerializable(typeof(SageMakerErrorBody))]
internal sealed partial class TrainingJson : JsonSerializerContext;
