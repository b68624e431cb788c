using System.Text.Json;
using System.Text.Json.Serialization;
using AsyncPluginGen.Samples.Warehouse;

namespace AsyncPluginGen.AotSample.Running;

/// <summary>Writes task inputs without reflection: camelCase, as the warehouse plugin reads them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WarehouseQueryInputs))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
