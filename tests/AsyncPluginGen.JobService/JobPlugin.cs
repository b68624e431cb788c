using System.Text.Json;

namespace AsyncPluginGen.JobService;

/// <summary>Identifies a job of the job service: the ResourceMeta the host keeps.</summary>
/// <param name="Id">The job's id.</param>
public sealed record JobRef(string Id);

/// <summary>
/// The plugin over the job service, implemented by the source generator. Create passes the task's unique name as the
/// idempotency key, so a retried Create finds the job the lost attempt created. Inputs: <c>durationMs</c>,
/// <c>fail</c>, <c>error</c>, <c>output</c> (see <see cref="JobSpec"/>).
/// </summary>
/// <param name="client">The service's client.</param>
[AsyncPlugin(TaskType)]
[PhaseMapping(JobStates.Pending, TaskPhase.Queued)]
[PhaseMapping(JobStates.Running, TaskPhase.Running)]
[PhaseMapping(JobStates.Done, TaskPhase.Success)]
[PhaseMapping(JobStates.Failed, TaskPhase.PermanentFailure, Code = "JobFailed")]
[PhaseMapping(JobStates.Cancelled, TaskPhase.Aborted)]
[DefaultPhase(TaskPhase.Running)]
[ResourceQuota(QuotaNamespace, 100)]
public sealed partial class JobPlugin(JobClient client)
{
    /// <summary>The task type the plugin serves.</summary>
    public const string TaskType = "job";

    /// <summary>The quota namespace of its tasks.</summary>
    public const string QuotaNamespace = "jobs";

    /// <summary>Submits the job; the service's answer already holds its state.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job's reference and state.</returns>
    public async Task<Created<JobRef, JobStatus>> CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var spec = task.Inputs.ValueKind == JsonValueKind.Object
            ? task.Inputs.Deserialize<JobSpec>(JobJson.Options) ?? new JobSpec()
            : throw new ArgumentException($"The inputs of task {task.UniqueName} must be a JSON object, not {task.Inputs.ValueKind}.", nameof(task));
        var status = await client.CreateAsync(task.UniqueName, spec, cancellationToken).ConfigureAwait(false);
        return Created.With(new JobRef(status.Id), status);
    }

    /// <summary>Reads the job.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its state.</returns>
    public Task<JobStatus> GetAsync(JobRef job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return client.GetAsync(job.Id, cancellationToken);
    }

    /// <summary>Cancels the job; succeeds when it has ended or is unknown.</summary>
    /// <param name="job">The job.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service has answered.</returns>
    public async Task DeleteAsync(JobRef job, DeleteReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        _ = reason;
        await client.CancelAsync(job.Id, cancellationToken).ConfigureAwait(false);
    }
}
