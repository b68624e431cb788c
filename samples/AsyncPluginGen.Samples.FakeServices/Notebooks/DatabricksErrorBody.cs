namespace AsyncPluginGen.Samples.FakeServices.Notebooks;

/// <summary>Databricks' error format: <c>{ "error_code": "RESOURCE_DOES_NOT_EXIST", "message": "..." }</c>.</summary>
/// <param name="ErrorCode">A stable code.</param>
/// <param name="Message">A message for people.</param>
public sealed record DatabricksErrorBody(string ErrorCode, string Message);
