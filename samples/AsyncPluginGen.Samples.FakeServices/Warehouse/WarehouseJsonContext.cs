using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.FakeServices.Warehouse;

/// <summary>
/// The BigQuery wire types, serialized without reflection. BigQuery's JSON is camelCase and leaves absent fields out
/// rather than writing nulls.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobInsertRequest))]
[JsonSerializable(typeof(JobResource))]
[JsonSerializable(typeof(JobCancelResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class WarehouseJsonContext : JsonSerializerContext;
