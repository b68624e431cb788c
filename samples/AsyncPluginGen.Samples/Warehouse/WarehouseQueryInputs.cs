namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>The inputs of a <c>warehouse_query</c> task, read from <see cref="TaskContext.Inputs"/> (camelCase JSON).</summary>
/// <param name="Query">The SQL to run, in BigQuery's standard dialect.</param>
/// <param name="ProjectId">The Google Cloud project that runs the query; <see cref="WarehouseQueryPlugin.DefaultProjectId"/> when null.</param>
public sealed record WarehouseQueryInputs(string Query, string? ProjectId = null);
