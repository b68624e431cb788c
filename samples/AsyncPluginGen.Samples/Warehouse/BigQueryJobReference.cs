namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>
/// BigQuery's <c>JobReference</c>: a job is named by its project and an id unique in that project. It is also the
/// plugin's ResourceMeta, the identity the host keeps and hands back to Get and Delete.
/// </summary>
/// <param name="ProjectId">The project that runs, and pays for, the job.</param>
/// <param name="JobId">The job's id, chosen by the client so that an insert can be retried safely; see <see cref="WarehouseQueryPlugin.KeyFor"/>.</param>
public sealed record BigQueryJobReference(string ProjectId, string JobId);
