using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// Source-generated serialization of the Databricks wire types: snake_case names, and absent optional fields left out
/// rather than sent as <c>null</c>, so a task names exactly one of <c>existing_cluster_id</c> and <c>new_cluster</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunsSubmitRequest))]
[JsonSerializable(typeof(RunsSubmitResponse))]
[JsonSerializable(typeof(RunsCancelRequest))]
[JsonSerializable(typeof(Run))]
[JsonSerializable(typeof(DatabricksError))]
internal sealed partial class NotebooksJsonContext : JsonSerializerContext;
