namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>Identifies a Databricks run: the ResourceMeta the host keeps for Get and Delete.</summary>
/// <param name="RunId">The run's id, as <c>runs/submit</c> returned it.</param>
public sealed record NotebookRunRef(long RunId);
