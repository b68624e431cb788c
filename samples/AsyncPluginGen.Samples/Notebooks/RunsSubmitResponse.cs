namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>The answer of <c>runs/submit</c>: only the new (or, for a repeated idempotency token, the existing) run's id.</summary>
/// <param name="RunId">The run's id.</param>
public sealed record RunsSubmitResponse(long RunId);
