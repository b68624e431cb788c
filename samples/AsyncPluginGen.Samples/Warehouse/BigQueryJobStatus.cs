namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>BigQuery's <c>JobStatus</c>, reduced to what the plugin reads.</summary>
/// <param name="State">One of <see cref="BigQueryJobStates.Pending"/>, <see cref="BigQueryJobStates.Running"/> or <see cref="BigQueryJobStates.Done"/>.</param>
/// <param name="ErrorResult">Present once a DONE job has failed or was cancelled.</param>
public sealed record BigQueryJobStatus(string State, BigQueryErrorProto? ErrorResult = null);
