namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>The body of a Google API error response: <c>{"error": {"code", "message", "status"}}</c>.</summary>
/// <param name="Error">The error.</param>
public sealed record BigQueryErrorResponse(BigQueryErrorBody? Error);

/// <summary>One Google API error.</summary>
/// <param name="Code">The HTTP status code, repeated in the body.</param>
/// <param name="Message">A message for people.</param>
/// <param name="Status">The canonical status name, such as <c>ALREADY_EXISTS</c>.</param>
public sealed record BigQueryErrorBody(int Code, string? Message, string? Status);
