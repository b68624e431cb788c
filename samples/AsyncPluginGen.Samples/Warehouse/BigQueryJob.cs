using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>
/// BigQuery's <c>Job</c> resource, reduced to what the plugin reads: the Resource of <see cref="WarehouseQueryPlugin"/>.
/// </summary>
/// <param name="Id">The fully qualified id, <c>project:jobId</c>.</param>
/// <param name="JobReference">The project and job id.</param>
/// <param name="Status">The state and, once the job has ended badly, its error.</param>
public sealed record BigQueryJob(string Id, BigQueryJobReference JobReference, BigQueryJobStatus Status)
{
    /// <summary>
    /// The state the phase mapping switches on. BigQuery reports failed and cancelled jobs as DONE and puts the
    /// difference in <c>errorResult</c>, so this folds the two into one of <see cref="BigQueryJobStates"/>. It returns
    /// constants or the string the resource already holds: the generated Status stays allocation-free.
    /// </summary>
    [JsonIgnore]
    [PhaseSource]
    public string Outcome => Status switch
    {
        { State: BigQueryJobStates.Done, ErrorResult.Reason: BigQueryErrorReasons.Stopped } => BigQueryJobStates.Cancelled,
        { State: BigQueryJobStates.Done, ErrorResult.Reason: var reason } when BigQueryErrorReasons.IsBackendFailure(reason) => BigQueryJobStates.BackendFailed,
        { State: BigQueryJobStates.Done, ErrorResult: not null } => BigQueryJobStates.Failed,
        _ => Status.State,
    };

    /// <summary>The error message of a failed job, which the generated Status reports with the failure.</summary>
    [JsonIgnore]
    [PhaseMessage]
    public string? ErrorMessage => Status.ErrorResult?.Message;
}
