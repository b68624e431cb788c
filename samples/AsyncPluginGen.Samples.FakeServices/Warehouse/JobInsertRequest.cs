namespace AsyncPluginGen.Samples.FakeServices.Warehouse;

/// <summary>
/// The body of <c>jobs.insert</c>, reduced to a query job. Every member is nullable because it is read from a client:
/// the service validates it and answers 400 rather than trusting it.
/// </summary>
/// <param name="JobReference">The project and the client-chosen job id.</param>
/// <param name="Configuration">What the job does.</param>
internal sealed record JobInsertRequest(JobReference? JobReference, JobConfiguration? Configuration);

/// <summary>BigQuery's <c>JobReference</c>: a job is named by its project and its id.</summary>
/// <param name="ProjectId">The project that runs (and is billed for) the job.</param>
/// <param name="JobId">The job's id, unique in the project; chosen by the client, which makes inserts retryable.</param>
internal sealed record JobReference(string? ProjectId, string? JobId);

/// <summary>BigQuery's <c>JobConfiguration</c>, with only the query kind of job.</summary>
/// <param name="Query">The query job's settings.</param>
internal sealed record JobConfiguration(QueryConfiguration? Query);

/// <summary>BigQuery's <c>JobConfigurationQuery</c>, reduced to the SQL text and its dialect.</summary>
/// <param name="Query">The SQL.</param>
/// <param name="UseLegacySql">Whether the SQL is legacy SQL; the REST API defaults to true, so clients send false.</param>
internal sealed record QueryConfiguration(string? Query, bool? UseLegacySql);
