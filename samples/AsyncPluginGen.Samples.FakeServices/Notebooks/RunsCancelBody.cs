namespace AsyncPluginGen.Samples.FakeServices.Notebooks;

/// <summary>The body of <c>POST /api/2.1/jobs/runs/cancel</c>.</summary>
/// <param name="RunId">The run to cancel; required.</param>
public sealed record RunsCancelBody(long? RunId);
