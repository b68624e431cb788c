using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncPluginGen.Demo.Reporting;

/// <summary>Source-generated JSON for the <c>--json</c> summary: camelCase, indented.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(DemoSummary))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
