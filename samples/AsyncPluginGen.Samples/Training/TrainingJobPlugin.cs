using System.Text.Json;

namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// Runs a SageMaker training job per task. The generator implements the plugin contract and compiles the
/// <see cref="TrainingJobStatus"/> mappings into Status. Inputs: <see cref="TrainingJobInputs"/>.
/// </summary>
/// <remarks>
/// <para>
/// Create is idempotent through the job's name, derived from the task's unique name (<see cref="KeyFor"/>): SageMaker
/// refuses a second job of the same name, so a retried Create finds the job the first attempt made.
/// </para>
/// <para>
/// GPU instances are scarce and expensive, so GPU jobs take a token of their own, smaller quota; the rest share a large
/// one. Quotas count tasks, not instances: a 4-instance job takes one token.
/// </para>
/// </remarks>
/// <param name="client">SageMaker's client.</param>
/// <param name="settings">The account's role and bucket; <see cref="TrainingJobSettings.Default"/> when none is registered.</param>
[AsyncPlugin(TaskType)]
[ResourceQuota(GpuQuotaNamespace, 8)]
[ResourceQuota(CpuQuotaNamespace, 100)]
// SageMaker throttles its control-plane calls per account and region (ThrottlingException); asking below Flyte's
// defaults spends fewer retries on it. Jobs run for minutes to days, so a Describe every 30 s is plenty, and ten
// thousand jobs in flight is already a large fleet.
[RateLimits(ReadQps = 20, ReadBurst = 100, WriteQps = 10, WriteBurst = 50)]
[Caching(Size = 10_000, ResyncSeconds = 30)]
public sealed partial class TrainingJobPlugin(TrainingClient client, TrainingJobSettings? settings = null)
{
    /// <summary>The task type the plugin serves.</summary>
    public const string TaskType = "training_job";

    /// <summary>The quota namespace of jobs on accelerated instances (GPU, Trainium, Gaudi).</summary>
    public const string GpuQuotaNamespace = "sagemaker-gpu";

    /// <summary>The quota namespace of jobs on CPU instances.</summary>
    public const string CpuQuotaNamespace = "sagemaker-cpu";

    private const string InstanceTypeInput = "instanceType";

    private readonly TrainingJobSettings _settings = settings ?? TrainingJobSettings.Default;

    /// <summary>The training job name, and so the idempotency key SageMaker sees, of <paramref name="task"/>.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The job's name.</returns>
    public static string KeyFor(TaskContext task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return TrainingJobNames.For(task.UniqueName);
    }

    /// <summary>
    /// Routes the task to the GPU or the CPU quota by its instance type. It never fails: inputs that Create will reject
    /// go to the CPU quota, and Create then fails the task with a message naming the bad input.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <returns>The quota namespace to take a token from.</returns>
    public static ResourceRequirements GetResourceRequirements(TaskContext task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var instanceType = task.Inputs.ValueKind == JsonValueKind.Object
            && task.Inputs.TryGetProperty(InstanceTypeInput, out var value)
            && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        return new ResourceRequirements(InstanceTypes.IsAccelerated(instanceType) ? GpuQuotaNamespace : CpuQuotaNamespace, ResourceConstraintsSpec.None);
    }

    /// <summary>Starts the job, or finds the one an earlier attempt started, then reads it.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The job's name and its description.</returns>
    /// <exception cref="ArgumentException">An input is missing or invalid.</exception>
    public async Task<Created<TrainingJobRef, DescribeTrainingJobResponse>> CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var inputs = TrainingJobInputs.Read(task);
        var name = KeyFor(task);
        try
        {
            await client.CreateTrainingJobAsync(
                new CreateTrainingJobRequest(
                    name,
                    new AlgorithmSpecification(inputs.TrainingImage),
                    new ResourceConfig(inputs.InstanceType, inputs.InstanceCount, _settings.VolumeSizeInGB),
                    new StoppingCondition(inputs.MaxRuntimeSeconds),
                    _settings.RoleArn,
                    new OutputDataConfig(_settings.S3OutputPath)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SageMakerException e) when (e.ErrorType == SageMakerErrorTypes.ResourceInUse)
        {
            // SageMaker has no idempotency token: the job name is the only key, and a duplicate is an error rather than
            // the first job's answer. The name is this task attempt's own (retries of the task get other names), so an
            // existing job is the one an earlier Create of this attempt started, whose answer was lost (a time-out, a
            // 5xx after the work was done) or whose Describe below failed. It is ours: describe it and carry on.
        }

        // Describing at once hands the host the job's state with the meta, so Status runs without waiting for a resync.
        var description = await client.DescribeTrainingJobAsync(name, cancellationToken).ConfigureAwait(false);
        return Created.With(new TrainingJobRef(name), description);
    }

    /// <summary>Reads the job.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its description.</returns>
    public Task<DescribeTrainingJobResponse> GetAsync(TrainingJobRef job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return client.DescribeTrainingJobAsync(job.TrainingJobName, cancellationToken);
    }

    /// <summary>Stops the job; succeeds when it has already ended or SageMaker does not know it.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SageMaker has accepted the stop.</returns>
    public async Task DeleteAsync(TrainingJobRef job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await client.StopTrainingJobAsync(job.TrainingJobName, cancellationToken).ConfigureAwait(false);
        }
        catch (SageMakerException e) when (e.ErrorType == SageMakerErrorTypes.ValidationException)
        {
            // The name is the only parameter, and ours is valid, so SageMaker refuses for one of two reasons: the job has
            // ended ("rejected because the training job is in status Completed") or it does not exist ("Requested
            // resource not found"). Either way nothing is left running, which is all Delete must ensure.
        }
    }
}
