namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>The body of <c>jobs.insert</c> for a query job.</summary>
/// <param name="JobReference">The project and the client-chosen job id.</param>
/// <param name="Configuration">The query.</param>
public sealed record BigQueryJobInsert(BigQueryJobReference JobReference, BigQueryJobConfiguration Configuration);

/// <summary>BigQuery's <c>JobConfiguration</c>, with only the query kind of job.</summary>
/// <param name="Query">The query job's settings.</param>
public sealed record BigQueryJobConfiguration(BigQueryQueryConfiguration Query);

/// <summary>BigQuery's <c>JobConfigurationQuery</c>, reduced to the SQL and its dialect.</summary>
/// <param name="Query">The SQL.</param>
/// <param name="UseLegacySql">The REST API assumes legacy SQL unless told otherwise, so the client sends false.</param>
public sealed record BigQueryQueryConfiguration(string Query, bool UseLegacySql = false);
