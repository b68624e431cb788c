namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>The body of every Databricks REST error: <c>{ "error_code": "...", "message": "..." }</c>.</summary>
/// <param name="ErrorCode">A stable code such as <c>RESOURCE_DOES_NOT_EXIST</c> or <c>INVALID_PARAMETER_VALUE</c>.</param>
/// <param name="Message">A message for people.</param>
public sealed record DatabricksError(string? ErrorCode, string? Message);
