namespace AsyncPluginGen.Samples.FakeServices.Notebooks;

/// <summary>The answer of <c>runs/submit</c>.</summary>
/// <param name="RunId">The run's id: new, or the existing run's for a repeated idempotency token.</param>
public sealed record RunsSubmitReply(long RunId);
