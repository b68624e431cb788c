using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Training;

/// <summary>The tasks' inputs: camelCase JSON objects, as Flyte passes them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TrainingJobInputs))]
[JsonSerializable(typeof(TrainingImageCheckInputs))]
internal sealed partial class TrainingInputsJson : JsonSerializerContext;
