namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>The body of <c>POST /api/2.1/jobs/runs/cancel</c>.</summary>
/// <param name="RunId">The run to cancel.</param>
public sealed record RunsCancelRequest(long RunId);
