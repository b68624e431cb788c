using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>
/// The fake SageMaker's wire types, serialized without reflection. The AWS JSON 1.1 protocol uses the API's own
/// PascalCase member names, which is what System.Text.Json writes without a naming policy.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CreateTrainingJobRequest))]
[JsonSerializable(typeof(CreateTrainingJobResponse))]
[JsonSerializable(typeof(TrainingJobNameRequest))]
[JsonSerializable(typeof(DescribeTrainingJobResponse))]
[JsonSerializable(typeof(DescribeTrainingImageRequest))]
[JsonSerializable(typeof(DescribeTrainingImageResponse))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(SageMakerError))]
internal sealed partial class TrainingServiceJson : JsonSerializerContext;
