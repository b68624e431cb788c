namespace AsyncPluginGen.Samples.FakeServices.Warehouse;

/// <summary>BigQuery's <c>Job</c> resource, as <c>jobs.insert</c>, <c>jobs.get</c> and <c>jobs.cancel</c> return it.</summary>
/// <param name="Kind">Always <c>bigquery#job</c>.</param>
/// <param name="Id">The fully qualified id, <c>project:jobId</c>.</param>
/// <param name="JobReference">The project and job id.</param>
/// <param name="Configuration">The configuration the job was inserted with.</param>
/// <param name="Status">Its state and, once it ended badly, its error.</param>
/// <param name="Statistics">Its timestamps.</param>
internal sealed record JobResource(
    string Kind,
    string Id,
    JobReference JobReference,
    JobConfiguration Configuration,
    JobStatus Status,
    JobStatistics Statistics);

/// <summary>
/// BigQuery's <c>JobStatus</c>. DONE is the only end state: a failed or cancelled job is DONE with an
/// <paramref name="ErrorResult"/>, so a client must look at both to know how the job ended.
/// </summary>
/// <param name="State"><c>PENDING</c>, <c>RUNNING</c> or <c>DONE</c>.</param>
/// <param name="ErrorResult">The error that ended the job; absent when it succeeded or has not ended.</param>
/// <param name="Errors">Every error the job met, the final one included; absent when there were none.</param>
internal sealed record JobStatus(string State, ErrorProto? ErrorResult, IReadOnlyList<ErrorProto>? Errors);

/// <summary>BigQuery's <c>ErrorProto</c>.</summary>
/// <param name="Reason">A short code, such as <c>invalidQuery</c> or <c>stopped</c>.</param>
/// <param name="Message">A message for people.</param>
internal sealed record ErrorProto(string Reason, string Message);

/// <summary>BigQuery's <c>JobStatistics</c>, reduced to its timestamps: milliseconds since the epoch, as strings.</summary>
/// <param name="CreationTime">When the job was created.</param>
/// <param name="StartTime">When it started running; absent while pending.</param>
/// <param name="EndTime">When it ended; absent until it is DONE.</param>
internal sealed record JobStatistics(string CreationTime, string? StartTime, string? EndTime);

/// <summary>The body of <c>jobs.cancel</c>: the job as it is right after the request, which may still be RUNNING.</summary>
/// <param name="Kind">Always <c>bigquery#jobCancelResponse</c>.</param>
/// <param name="Job">The job.</param>
internal sealed record JobCancelResponse(string Kind, JobResource Job);
