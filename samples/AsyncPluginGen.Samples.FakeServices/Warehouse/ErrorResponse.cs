namespace AsyncPluginGen.Samples.FakeServices.Warehouse;

/// <summary>The body of every error response of a Google API: <c>{"error": {"code", "message", "status"}}</c>.</summary>
/// <param name="Error">The error.</param>
internal sealed record ErrorResponse(ErrorBody Error);

/// <summary>One Google API error.</summary>
/// <param name="Code">The HTTP status code, repeated in the body.</param>
/// <param name="Message">A message for people, such as <c>Not found: Job demo-project:q1</c>.</param>
/// <param name="Status">The canonical status name, such as <c>NOT_FOUND</c> or <c>ALREADY_EXISTS</c>.</param>
internal sealed record ErrorBody(int Code, string Message, string Status);
