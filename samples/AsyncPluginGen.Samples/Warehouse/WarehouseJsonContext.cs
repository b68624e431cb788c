using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>
/// The BigQuery wire types and the plugin's inputs, serialized without reflection: camelCase, read case-insensitively,
/// with absent fields left out as BigQuery does.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BigQueryJobInsert))]
[JsonSerializable(typeof(BigQueryJob))]
[JsonSerializable(typeof(BigQueryJobCancelResponse))]
[JsonSerializable(typeof(BigQueryErrorResponse))]
[JsonSerializable(typeof(WarehouseQueryInputs))]
internal sealed partial class WarehouseJsonContext : JsonSerializerContext;
