namespace AsyncPluginGen;

/// <summary>A link to logs or a console page of the remote job, shown to users next to the task.</summary>
/// <param name="Name">What the link shows, for example <c>BigQuery Console</c>.</param>
/// <param name="Uri">Where it points.</param>
public sealed record TaskLog(string Name, string Uri);
