namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>The body of <c>jobs.cancel</c>: the job right after the request, possibly still RUNNING while it stops.</summary>
/// <param name="Job">The job.</param>
public sealed record BigQueryJobCancelResponse(BigQueryJob Job);
