using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.FakeServices.Notebooks;

/// <summary>Source-generated serialization of the service's wire types: snake_case, absent fields left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunsSubmitBody))]
[JsonSerializable(typeof(RunsSubmitReply))]
[JsonSerializable(typeof(RunsCancelBody))]
[JsonSerializable(typeof(RunView))]
[JsonSerializable(typeof(DatabricksErrorBody))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class NotebookServiceJsonContext : JsonSerializerContext;
