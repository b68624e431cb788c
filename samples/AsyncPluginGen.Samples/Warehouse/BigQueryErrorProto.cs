namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>BigQuery's <c>ErrorProto</c>: why a job failed.</summary>
/// <param name="Reason">A short code, one of <see cref="BigQueryErrorReasons"/> or another of BigQuery's, such as <c>invalidQuery</c>.</param>
/// <param name="Message">A message for people.</param>
public sealed record BigQueryErrorProto(string Reason, string Message);
