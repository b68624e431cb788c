// Written by benchmarks/tools/write-status-sources.py; edit the script, not this file.
// One file on purpose: the 128-state enum and string plugins, generated and hand-written, are one data set that this
// script writes in one piece; splitting it would only scatter the same 128 states over several files.

namespace AsyncPluginGen.Benchmarks.StatusDispatch;

public enum EnumState128
{
    [Phase(TaskPhase.Queued)] Submitted,
    [Phase(TaskPhase.Queued)] SubmittedGpu,
    [Phase(TaskPhase.Queued)] SubmittedCpu,
    [Phase(TaskPhase.Queued)] SubmittedSpot,
    [Phase(TaskPhase.Queued)] SubmittedEuWest,
    [Phase(TaskPhase.Queued)] SubmittedUsEast,
    [Phase(TaskPhase.Queued)] SubmittedStage1,
    [Phase(TaskPhase.Queued)] SubmittedStage2,
    [Phase(TaskPhase.Queued)] Pending,
    [Phase(TaskPhase.Queued)] PendingGpu,
    [Phase(TaskPhase.Queued)] PendingCpu,
    [Phase(TaskPhase.Queued)] PendingSpot,
    [Phase(TaskPhase.Queued)] PendingEuWest,
    [Phase(TaskPhase.Queued)] PendingUsEast,
    [Phase(TaskPhase.Queued)] PendingStage1,
    [Phase(TaskPhase.Queued)] PendingStage2,
    [Phase(TaskPhase.Queued)] Queued,
    [Phase(TaskPhase.Queued)] QueuedGpu,
    [Phase(TaskPhase.Queued)] QueuedCpu,
    [Phase(TaskPhase.Queued)] QueuedSpot,
    [Phase(TaskPhase.Queued)] QueuedEuWest,
    [Phase(TaskPhase.Queued)] QueuedUsEast,
    [Phase(TaskPhase.Queued)] QueuedStage1,
    [Phase(TaskPhase.Queued)] QueuedStage2,
    [Phase(TaskPhase.Initializing)] Provisioning,
    [Phase(TaskPhase.Initializing)] ProvisioningGpu,
    [Phase(TaskPhase.Initializing)] ProvisioningCpu,
    [Phase(TaskPhase.Initializing)] ProvisioningSpot,
    [Phase(TaskPhase.Initializing)] ProvisioningEuWest,
    [Phase(TaskPhase.Initializing)] ProvisioningUsEast,
    [Phase(TaskPhase.Initializing)] ProvisioningStage1,
    [Phase(TaskPhase.Initializing)] ProvisioningStage2,
    [Phase(TaskPhase.Initializing)] Starting,
    [Phase(TaskPhase.Initializing)] StartingGpu,
    [Phase(TaskPhase.Initializing)] StartingCpu,
    [Phase(TaskPhase.Initializing)] StartingSpot,
    [Phase(TaskPhase.Initializing)] StartingEuWest,
    [Phase(TaskPhase.Initializing)] StartingUsEast,
    [Phase(TaskPhase.Initializing)] StartingStage1,
    [Phase(TaskPhase.Initializing)] StartingStage2,
    [Phase(TaskPhase.Initializing)] Downloading,
    [Phase(TaskPhase.Initializing)] DownloadingGpu,
    [Phase(TaskPhase.Initializing)] DownloadingCpu,
    [Phase(TaskPhase.Initializing)] DownloadingSpot,
    [Phase(TaskPhase.Initializing)] DownloadingEuWest,
    [Phase(TaskPhase.Initializing)] DownloadingUsEast,
    [Phase(TaskPhase.Initializing)] DownloadingStage1,
    [Phase(TaskPhase.Initializing)] DownloadingStage2,
    [Phase(TaskPhase.Initializing)] Preparing,
    [Phase(TaskPhase.Initializing)] PreparingGpu,
    [Phase(TaskPhase.Initializing)] PreparingCpu,
    [Phase(TaskPhase.Initializing)] PreparingSpot,
    [Phase(TaskPhase.Initializing)] PreparingEuWest,
    [Phase(TaskPhase.Initializing)] PreparingUsEast,
    [Phase(TaskPhase.Initializing)] PreparingStage1,
    [Phase(TaskPhase.Initializing)] PreparingStage2,
    [Phase(TaskPhase.Running)] Running,
    [Phase(TaskPhase.Running)] RunningGpu,
    [Phase(TaskPhase.Running)] RunningCpu,
    [Phase(TaskPhase.Running)] RunningSpot,
    [Phase(TaskPhase.Running)] RunningEuWest,
    [Phase(TaskPhase.Running)] RunningUsEast,
    [Phase(TaskPhase.Running)] RunningStage1,
    [Phase(TaskPhase.Running)] RunningStage2,
    [Phase(TaskPhase.Running)] Training,
    [Phase(TaskPhase.Running)] TrainingGpu,
    [Phase(TaskPhase.Running)] TrainingCpu,
    [Phase(TaskPhase.Running)] TrainingSpot,
    [Phase(TaskPhase.Running)] TrainingEuWest,
    [Phase(TaskPhase.Running)] TrainingUsEast,
    [Phase(TaskPhase.Running)] TrainingStage1,
    [Phase(TaskPhase.Running)] TrainingStage2,
    [Phase(TaskPhase.Running)] Uploading,
    [Phase(TaskPhase.Running)] UploadingGpu,
    [Phase(TaskPhase.Running)] UploadingCpu,
    [Phase(TaskPhase.Running)] UploadingSpot,
    [Phase(TaskPhase.Running)] UploadingEuWest,
    [Phase(TaskPhase.Running)] UploadingUsEast,
    [Phase(TaskPhase.Running)] UploadingStage1,
    [Phase(TaskPhase.Running)] UploadingStage2,
    [Phase(TaskPhase.Running)] Evaluating,
    [Phase(TaskPhase.Running)] EvaluatingGpu,
    [Phase(TaskPhase.Running)] EvaluatingCpu,
    [Phase(TaskPhase.Running)] EvaluatingSpot,
    [Phase(TaskPhase.Running)] EvaluatingEuWest,
    [Phase(TaskPhase.Running)] EvaluatingUsEast,
    [Phase(TaskPhase.Running)] EvaluatingStage1,
    [Phase(TaskPhase.Running)] EvaluatingStage2,
    [Phase(TaskPhase.Running)] Stopping,
    [Phase(TaskPhase.Running)] StoppingGpu,
    [Phase(TaskPhase.Running)] StoppingCpu,
    [Phase(TaskPhase.Running)] StoppingSpot,
    [Phase(TaskPhase.Running)] StoppingEuWest,
    [Phase(TaskPhase.Running)] StoppingUsEast,
    [Phase(TaskPhase.Running)] StoppingStage1,
    [Phase(TaskPhase.Running)] StoppingStage2,
    [Phase(TaskPhase.Success)] Completed,
    [Phase(TaskPhase.Success)] CompletedGpu,
    [Phase(TaskPhase.Success)] CompletedCpu,
    [Phase(TaskPhase.Success)] CompletedSpot,
    [Phase(TaskPhase.Success)] CompletedEuWest,
    [Phase(TaskPhase.Success)] CompletedUsEast,
    [Phase(TaskPhase.Success)] CompletedStage1,
    [Phase(TaskPhase.Success)] CompletedStage2,
    [Phase(TaskPhase.PermanentFailure)] Failed,
    [Phase(TaskPhase.PermanentFailure)] FailedGpu,
    [Phase(TaskPhase.PermanentFailure)] FailedCpu,
    [Phase(TaskPhase.PermanentFailure)] FailedSpot,
    [Phase(TaskPhase.PermanentFailure)] FailedEuWest,
    [Phase(TaskPhase.PermanentFailure)] FailedUsEast,
    [Phase(TaskPhase.PermanentFailure)] FailedStage1,
    [Phase(TaskPhase.PermanentFailure)] FailedStage2,
    [Phase(TaskPhase.RetryableFailure)] Interrupted,
    [Phase(TaskPhase.RetryableFailure)] InterruptedGpu,
    [Phase(TaskPhase.RetryableFailure)] InterruptedCpu,
    [Phase(TaskPhase.RetryableFailure)] InterruptedSpot,
    [Phase(TaskPhase.RetryableFailure)] InterruptedEuWest,
    [Phase(TaskPhase.RetryableFailure)] InterruptedUsEast,
    [Phase(TaskPhase.RetryableFailure)] InterruptedStage1,
    [Phase(TaskPhase.RetryableFailure)] InterruptedStage2,
    [Phase(TaskPhase.WaitingForResources)] Throttled,
    [Phase(TaskPhase.WaitingForResources)] ThrottledGpu,
    [Phase(TaskPhase.WaitingForResources)] ThrottledCpu,
    [Phase(TaskPhase.WaitingForResources)] ThrottledSpot,
    [Phase(TaskPhase.WaitingForResources)] ThrottledEuWest,
    [Phase(TaskPhase.WaitingForResources)] ThrottledUsEast,
    [Phase(TaskPhase.WaitingForResources)] ThrottledStage1,
    [Phase(TaskPhase.WaitingForResources)] ThrottledStage2,
}

public sealed record EnumJob128(string Id, [property: PhaseSource] EnumState128 State, [property: PhaseMessage] string? Error);

public sealed record StringJob128(string Id, [property: PhaseSource] string? State, [property: PhaseMessage] string? Error);

/// <summary>128 enum states; Status generated.</summary>
[AsyncPlugin("bench_enum128")]
public sealed partial class Enum128Plugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<EnumJob128> GetAsync(JobRef meta, CancellationToken ct) => new(new EnumJob128(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;
}

/// <summary>128 enum states; Status written by hand.</summary>
[AsyncPlugin("bench_enum128_hand")]
public sealed partial class Enum128HandPlugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<EnumJob128> GetAsync(JobRef meta, CancellationToken ct) => new(new EnumJob128(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;

    public static PhaseInfo Status(EnumJob128 job) => job.State switch
    {
        EnumState128.Submitted => PhaseInfo.Queued("Submitted"),
        EnumState128.SubmittedGpu => PhaseInfo.Queued("SubmittedGpu"),
        EnumState128.SubmittedCpu => PhaseInfo.Queued("SubmittedCpu"),
        EnumState128.SubmittedSpot => PhaseInfo.Queued("SubmittedSpot"),
        EnumState128.SubmittedEuWest => PhaseInfo.Queued("SubmittedEuWest"),
        EnumState128.SubmittedUsEast => PhaseInfo.Queued("SubmittedUsEast"),
        EnumState128.SubmittedStage1 => PhaseInfo.Queued("SubmittedStage1"),
        EnumState128.SubmittedStage2 => PhaseInfo.Queued("SubmittedStage2"),
        EnumState128.Pending => PhaseInfo.Queued("Pending"),
        EnumState128.PendingGpu => PhaseInfo.Queued("PendingGpu"),
        EnumState128.PendingCpu => PhaseInfo.Queued("PendingCpu"),
        EnumState128.PendingSpot => PhaseInfo.Queued("PendingSpot"),
        EnumState128.PendingEuWest => PhaseInfo.Queued("PendingEuWest"),
        EnumState128.PendingUsEast => PhaseInfo.Queued("PendingUsEast"),
        EnumState128.PendingStage1 => PhaseInfo.Queued("PendingStage1"),
        EnumState128.PendingStage2 => PhaseInfo.Queued("PendingStage2"),
        EnumState128.Queued => PhaseInfo.Queued("Queued"),
        EnumState128.QueuedGpu => PhaseInfo.Queued("QueuedGpu"),
        EnumState128.QueuedCpu => PhaseInfo.Queued("QueuedCpu"),
        EnumState128.QueuedSpot => PhaseInfo.Queued("QueuedSpot"),
        EnumState128.QueuedEuWest => PhaseInfo.Queued("QueuedEuWest"),
        EnumState128.QueuedUsEast => PhaseInfo.Queued("QueuedUsEast"),
        EnumState128.QueuedStage1 => PhaseInfo.Queued("QueuedStage1"),
        EnumState128.QueuedStage2 => PhaseInfo.Queued("QueuedStage2"),
        EnumState128.Provisioning => PhaseInfo.Initializing("Provisioning"),
        EnumState128.ProvisioningGpu => PhaseInfo.Initializing("ProvisioningGpu"),
        EnumState128.ProvisioningCpu => PhaseInfo.Initializing("ProvisioningCpu"),
        EnumState128.ProvisioningSpot => PhaseInfo.Initializing("ProvisioningSpot"),
        EnumState128.ProvisioningEuWest => PhaseInfo.Initializing("ProvisioningEuWest"),
        EnumState128.ProvisioningUsEast => PhaseInfo.Initializing("ProvisioningUsEast"),
        EnumState128.ProvisioningStage1 => PhaseInfo.Initializing("ProvisioningStage1"),
        EnumState128.ProvisioningStage2 => PhaseInfo.Initializing("ProvisioningStage2"),
        EnumState128.Starting => PhaseInfo.Initializing("Starting"),
        EnumState128.StartingGpu => PhaseInfo.Initializing("StartingGpu"),
        EnumState128.StartingCpu => PhaseInfo.Initializing("StartingCpu"),
        EnumState128.StartingSpot => PhaseInfo.Initializing("StartingSpot"),
        EnumState128.StartingEuWest => PhaseInfo.Initializing("StartingEuWest"),
        EnumState128.StartingUsEast => PhaseInfo.Initializing("StartingUsEast"),
        EnumState128.StartingStage1 => PhaseInfo.Initializing("StartingStage1"),
        EnumState128.StartingStage2 => PhaseInfo.Initializing("StartingStage2"),
        EnumState128.Downloading => PhaseInfo.Initializing("Downloading"),
        EnumState128.DownloadingGpu => PhaseInfo.Initializing("DownloadingGpu"),
        EnumState128.DownloadingCpu => PhaseInfo.Initializing("DownloadingCpu"),
        EnumState128.DownloadingSpot => PhaseInfo.Initializing("DownloadingSpot"),
        EnumState128.DownloadingEuWest => PhaseInfo.Initializing("DownloadingEuWest"),
        EnumState128.DownloadingUsEast => PhaseInfo.Initializing("DownloadingUsEast"),
        EnumState128.DownloadingStage1 => PhaseInfo.Initializing("DownloadingStage1"),
        EnumState128.DownloadingStage2 => PhaseInfo.Initializing("DownloadingStage2"),
        EnumState128.Preparing => PhaseInfo.Initializing("Preparing"),
        EnumState128.PreparingGpu => PhaseInfo.Initializing("PreparingGpu"),
        EnumState128.PreparingCpu => PhaseInfo.Initializing("PreparingCpu"),
        EnumState128.PreparingSpot => PhaseInfo.Initializing("PreparingSpot"),
        EnumState128.PreparingEuWest => PhaseInfo.Initializing("PreparingEuWest"),
        EnumState128.PreparingUsEast => PhaseInfo.Initializing("PreparingUsEast"),
        EnumState128.PreparingStage1 => PhaseInfo.Initializing("PreparingStage1"),
        EnumState128.PreparingStage2 => PhaseInfo.Initializing("PreparingStage2"),
        EnumState128.Running => PhaseInfo.Running("Running"),
        EnumState128.RunningGpu => PhaseInfo.Running("RunningGpu"),
        EnumState128.RunningCpu => PhaseInfo.Running("RunningCpu"),
        EnumState128.RunningSpot => PhaseInfo.Running("RunningSpot"),
        EnumState128.RunningEuWest => PhaseInfo.Running("RunningEuWest"),
        EnumState128.RunningUsEast => PhaseInfo.Running("RunningUsEast"),
        EnumState128.RunningStage1 => PhaseInfo.Running("RunningStage1"),
        EnumState128.RunningStage2 => PhaseInfo.Running("RunningStage2"),
        EnumState128.Training => PhaseInfo.Running("Training"),
        EnumState128.TrainingGpu => PhaseInfo.Running("TrainingGpu"),
        EnumState128.TrainingCpu => PhaseInfo.Running("TrainingCpu"),
        EnumState128.TrainingSpot => PhaseInfo.Running("TrainingSpot"),
        EnumState128.TrainingEuWest => PhaseInfo.Running("TrainingEuWest"),
        EnumState128.TrainingUsEast => PhaseInfo.Running("TrainingUsEast"),
        EnumState128.TrainingStage1 => PhaseInfo.Running("TrainingStage1"),
        EnumState128.TrainingStage2 => PhaseInfo.Running("TrainingStage2"),
        EnumState128.Uploading => PhaseInfo.Running("Uploading"),
        EnumState128.UploadingGpu => PhaseInfo.Running("UploadingGpu"),
        EnumState128.UploadingCpu => PhaseInfo.Running("UploadingCpu"),
        EnumState128.UploadingSpot => PhaseInfo.Running("UploadingSpot"),
        EnumState128.UploadingEuWest => PhaseInfo.Running("UploadingEuWest"),
        EnumState128.UploadingUsEast => PhaseInfo.Running("UploadingUsEast"),
        EnumState128.UploadingStage1 => PhaseInfo.Running("UploadingStage1"),
        EnumState128.UploadingStage2 => PhaseInfo.Running("UploadingStage2"),
        EnumState128.Evaluating => PhaseInfo.Running("Evaluating"),
        EnumState128.EvaluatingGpu => PhaseInfo.Running("EvaluatingGpu"),
        EnumState128.EvaluatingCpu => PhaseInfo.Running("EvaluatingCpu"),
        EnumState128.EvaluatingSpot => PhaseInfo.Running("EvaluatingSpot"),
        EnumState128.EvaluatingEuWest => PhaseInfo.Running("EvaluatingEuWest"),
        EnumState128.EvaluatingUsEast => PhaseInfo.Running("EvaluatingUsEast"),
        EnumState128.EvaluatingStage1 => PhaseInfo.Running("EvaluatingStage1"),
        EnumState128.EvaluatingStage2 => PhaseInfo.Running("EvaluatingStage2"),
        EnumState128.Stopping => PhaseInfo.Running("Stopping"),
        EnumState128.StoppingGpu => PhaseInfo.Running("StoppingGpu"),
        EnumState128.StoppingCpu => PhaseInfo.Running("StoppingCpu"),
        EnumState128.StoppingSpot => PhaseInfo.Running("StoppingSpot"),
        EnumState128.StoppingEuWest => PhaseInfo.Running("StoppingEuWest"),
        EnumState128.StoppingUsEast => PhaseInfo.Running("StoppingUsEast"),
        EnumState128.StoppingStage1 => PhaseInfo.Running("StoppingStage1"),
        EnumState128.StoppingStage2 => PhaseInfo.Running("StoppingStage2"),
        EnumState128.Completed => PhaseInfo.Success("Completed"),
        EnumState128.CompletedGpu => PhaseInfo.Success("CompletedGpu"),
        EnumState128.CompletedCpu => PhaseInfo.Success("CompletedCpu"),
        EnumState128.CompletedSpot => PhaseInfo.Success("CompletedSpot"),
        EnumState128.CompletedEuWest => PhaseInfo.Success("CompletedEuWest"),
        EnumState128.CompletedUsEast => PhaseInfo.Success("CompletedUsEast"),
        EnumState128.CompletedStage1 => PhaseInfo.Success("CompletedStage1"),
        EnumState128.CompletedStage2 => PhaseInfo.Success("CompletedStage2"),
        EnumState128.Failed => PhaseInfo.Failure("Failed", HandWritten.Message(job.Error, "Failed")),
        EnumState128.FailedGpu => PhaseInfo.Failure("FailedGpu", HandWritten.Message(job.Error, "FailedGpu")),
        EnumState128.FailedCpu => PhaseInfo.Failure("FailedCpu", HandWritten.Message(job.Error, "FailedCpu")),
        EnumState128.FailedSpot => PhaseInfo.Failure("FailedSpot", HandWritten.Message(job.Error, "FailedSpot")),
        EnumState128.FailedEuWest => PhaseInfo.Failure("FailedEuWest", HandWritten.Message(job.Error, "FailedEuWest")),
        EnumState128.FailedUsEast => PhaseInfo.Failure("FailedUsEast", HandWritten.Message(job.Error, "FailedUsEast")),
        EnumState128.FailedStage1 => PhaseInfo.Failure("FailedStage1", HandWritten.Message(job.Error, "FailedStage1")),
        EnumState128.FailedStage2 => PhaseInfo.Failure("FailedStage2", HandWritten.Message(job.Error, "FailedStage2")),
        EnumState128.Interrupted => PhaseInfo.RetryableFailure("Interrupted", HandWritten.Message(job.Error, "Interrupted")),
        EnumState128.InterruptedGpu => PhaseInfo.RetryableFailure("InterruptedGpu", HandWritten.Message(job.Error, "InterruptedGpu")),
        EnumState128.InterruptedCpu => PhaseInfo.RetryableFailure("InterruptedCpu", HandWritten.Message(job.Error, "InterruptedCpu")),
        EnumState128.InterruptedSpot => PhaseInfo.RetryableFailure("InterruptedSpot", HandWritten.Message(job.Error, "InterruptedSpot")),
        EnumState128.InterruptedEuWest => PhaseInfo.RetryableFailure("InterruptedEuWest", HandWritten.Message(job.Error, "InterruptedEuWest")),
        EnumState128.InterruptedUsEast => PhaseInfo.RetryableFailure("InterruptedUsEast", HandWritten.Message(job.Error, "InterruptedUsEast")),
        EnumState128.InterruptedStage1 => PhaseInfo.RetryableFailure("InterruptedStage1", HandWritten.Message(job.Error, "InterruptedStage1")),
        EnumState128.InterruptedStage2 => PhaseInfo.RetryableFailure("InterruptedStage2", HandWritten.Message(job.Error, "InterruptedStage2")),
        EnumState128.Throttled => PhaseInfo.WaitingForResources("Throttled"),
        EnumState128.ThrottledGpu => PhaseInfo.WaitingForResources("ThrottledGpu"),
        EnumState128.ThrottledCpu => PhaseInfo.WaitingForResources("ThrottledCpu"),
        EnumState128.ThrottledSpot => PhaseInfo.WaitingForResources("ThrottledSpot"),
        EnumState128.ThrottledEuWest => PhaseInfo.WaitingForResources("ThrottledEuWest"),
        EnumState128.ThrottledUsEast => PhaseInfo.WaitingForResources("ThrottledUsEast"),
        EnumState128.ThrottledStage1 => PhaseInfo.WaitingForResources("ThrottledStage1"),
        EnumState128.ThrottledStage2 => PhaseInfo.WaitingForResources("ThrottledStage2"),
        _ => PhaseInfo.SystemFailure("UnmappedState", "unmapped state"),
    };
}

/// <summary>128 string states; Status generated.</summary>
[AsyncPlugin("bench_string128")]
[PhaseMapping("SUBMITTED", TaskPhase.Queued)]
[PhaseMapping("SUBMITTED_GPU", TaskPhase.Queued)]
[PhaseMapping("SUBMITTED_CPU", TaskPhase.Queued)]
[PhaseMapping("SUBMITTED_SPOT", TaskPhase.Queued)]
[PhaseMapping("SUBMITTED_EU_WEST", TaskPhase.Queued)]
[PhaseMapping("SUBMITTED_US_EAST", TaskPhase.Queued)]
[PhaseMapping("SUBMITTED_STAGE_1", TaskPhase.Queued)]
[PhaseMapping("SUBMITTED_STAGE_2", TaskPhase.Queued)]
[PhaseMapping("PENDING", TaskPhase.Queued)]
[PhaseMapping("PENDING_GPU", TaskPhase.Queued)]
[PhaseMapping("PENDING_CPU", TaskPhase.Queued)]
[PhaseMapping("PENDING_SPOT", TaskPhase.Queued)]
[PhaseMapping("PENDING_EU_WEST", TaskPhase.Queued)]
[PhaseMapping("PENDING_US_EAST", TaskPhase.Queued)]
[PhaseMapping("PENDING_STAGE_1", TaskPhase.Queued)]
[PhaseMapping("PENDING_STAGE_2", TaskPhase.Queued)]
[PhaseMapping("QUEUED", TaskPhase.Queued)]
[PhaseMapping("QUEUED_GPU", TaskPhase.Queued)]
[PhaseMapping("QUEUED_CPU", TaskPhase.Queued)]
[PhaseMapping("QUEUED_SPOT", TaskPhase.Queued)]
[PhaseMapping("QUEUED_EU_WEST", TaskPhase.Queued)]
[PhaseMapping("QUEUED_US_EAST", TaskPhase.Queued)]
[PhaseMapping("QUEUED_STAGE_1", TaskPhase.Queued)]
[PhaseMapping("QUEUED_STAGE_2", TaskPhase.Queued)]
[PhaseMapping("PROVISIONING", TaskPhase.Initializing)]
[PhaseMapping("PROVISIONING_GPU", TaskPhase.Initializing)]
[PhaseMapping("PROVISIONING_CPU", TaskPhase.Initializing)]
[PhaseMapping("PROVISIONING_SPOT", TaskPhase.Initializing)]
[PhaseMapping("PROVISIONING_EU_WEST", TaskPhase.Initializing)]
[PhaseMapping("PROVISIONING_US_EAST", TaskPhase.Initializing)]
[PhaseMapping("PROVISIONING_STAGE_1", TaskPhase.Initializing)]
[PhaseMapping("PROVISIONING_STAGE_2", TaskPhase.Initializing)]
[PhaseMapping("STARTING", TaskPhase.Initializing)]
[PhaseMapping("STARTING_GPU", TaskPhase.Initializing)]
[PhaseMapping("STARTING_CPU", TaskPhase.Initializing)]
[PhaseMapping("STARTING_SPOT", TaskPhase.Initializing)]
[PhaseMapping("STARTING_EU_WEST", TaskPhase.Initializing)]
[PhaseMapping("STARTING_US_EAST", TaskPhase.Initializing)]
[PhaseMapping("STARTING_STAGE_1", TaskPhase.Initializing)]
[PhaseMapping("STARTING_STAGE_2", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING_GPU", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING_CPU", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING_SPOT", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING_EU_WEST", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING_US_EAST", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING_STAGE_1", TaskPhase.Initializing)]
[PhaseMapping("DOWNLOADING_STAGE_2", TaskPhase.Initializing)]
[PhaseMapping("PREPARING", TaskPhase.Initializing)]
[PhaseMapping("PREPARING_GPU", TaskPhase.Initializing)]
[PhaseMapping("PREPARING_CPU", TaskPhase.Initializing)]
[PhaseMapping("PREPARING_SPOT", TaskPhase.Initializing)]
[PhaseMapping("PREPARING_EU_WEST", TaskPhase.Initializing)]
[PhaseMapping("PREPARING_US_EAST", TaskPhase.Initializing)]
[PhaseMapping("PREPARING_STAGE_1", TaskPhase.Initializing)]
[PhaseMapping("PREPARING_STAGE_2", TaskPhase.Initializing)]
[PhaseMapping("RUNNING", TaskPhase.Running)]
[PhaseMapping("RUNNING_GPU", TaskPhase.Running)]
[PhaseMapping("RUNNING_CPU", TaskPhase.Running)]
[PhaseMapping("RUNNING_SPOT", TaskPhase.Running)]
[PhaseMapping("RUNNING_EU_WEST", TaskPhase.Running)]
[PhaseMapping("RUNNING_US_EAST", TaskPhase.Running)]
[PhaseMapping("RUNNING_STAGE_1", TaskPhase.Running)]
[PhaseMapping("RUNNING_STAGE_2", TaskPhase.Running)]
[PhaseMapping("TRAINING", TaskPhase.Running)]
[PhaseMapping("TRAINING_GPU", TaskPhase.Running)]
[PhaseMapping("TRAINING_CPU", TaskPhase.Running)]
[PhaseMapping("TRAINING_SPOT", TaskPhase.Running)]
[PhaseMapping("TRAINING_EU_WEST", TaskPhase.Running)]
[PhaseMapping("TRAINING_US_EAST", TaskPhase.Running)]
[PhaseMapping("TRAINING_STAGE_1", TaskPhase.Running)]
[PhaseMapping("TRAINING_STAGE_2", TaskPhase.Running)]
[PhaseMapping("UPLOADING", TaskPhase.Running)]
[PhaseMapping("UPLOADING_GPU", TaskPhase.Running)]
[PhaseMapping("UPLOADING_CPU", TaskPhase.Running)]
[PhaseMapping("UPLOADING_SPOT", TaskPhase.Running)]
[PhaseMapping("UPLOADING_EU_WEST", TaskPhase.Running)]
[PhaseMapping("UPLOADING_US_EAST", TaskPhase.Running)]
[PhaseMapping("UPLOADING_STAGE_1", TaskPhase.Running)]
[PhaseMapping("UPLOADING_STAGE_2", TaskPhase.Running)]
[PhaseMapping("EVALUATING", TaskPhase.Running)]
[PhaseMapping("EVALUATING_GPU", TaskPhase.Running)]
[PhaseMapping("EVALUATING_CPU", TaskPhase.Running)]
[PhaseMapping("EVALUATING_SPOT", TaskPhase.Running)]
[PhaseMapping("EVALUATING_EU_WEST", TaskPhase.Running)]
[PhaseMapping("EVALUATING_US_EAST", TaskPhase.Running)]
[PhaseMapping("EVALUATING_STAGE_1", TaskPhase.Running)]
[PhaseMapping("EVALUATING_STAGE_2", TaskPhase.Running)]
[PhaseMapping("STOPPING", TaskPhase.Running)]
[PhaseMapping("STOPPING_GPU", TaskPhase.Running)]
[PhaseMapping("STOPPING_CPU", TaskPhase.Running)]
[PhaseMapping("STOPPING_SPOT", TaskPhase.Running)]
[PhaseMapping("STOPPING_EU_WEST", TaskPhase.Running)]
[PhaseMapping("STOPPING_US_EAST", TaskPhase.Running)]
[PhaseMapping("STOPPING_STAGE_1", TaskPhase.Running)]
[PhaseMapping("STOPPING_STAGE_2", TaskPhase.Running)]
[PhaseMapping("COMPLETED", TaskPhase.Success)]
[PhaseMapping("COMPLETED_GPU", TaskPhase.Success)]
[PhaseMapping("COMPLETED_CPU", TaskPhase.Success)]
[PhaseMapping("COMPLETED_SPOT", TaskPhase.Success)]
[PhaseMapping("COMPLETED_EU_WEST", TaskPhase.Success)]
[PhaseMapping("COMPLETED_US_EAST", TaskPhase.Success)]
[PhaseMapping("COMPLETED_STAGE_1", TaskPhase.Success)]
[PhaseMapping("COMPLETED_STAGE_2", TaskPhase.Success)]
[PhaseMapping("FAILED", TaskPhase.PermanentFailure)]
[PhaseMapping("FAILED_GPU", TaskPhase.PermanentFailure)]
[PhaseMapping("FAILED_CPU", TaskPhase.PermanentFailure)]
[PhaseMapping("FAILED_SPOT", TaskPhase.PermanentFailure)]
[PhaseMapping("FAILED_EU_WEST", TaskPhase.PermanentFailure)]
[PhaseMapping("FAILED_US_EAST", TaskPhase.PermanentFailure)]
[PhaseMapping("FAILED_STAGE_1", TaskPhase.PermanentFailure)]
[PhaseMapping("FAILED_STAGE_2", TaskPhase.PermanentFailure)]
[PhaseMapping("INTERRUPTED", TaskPhase.RetryableFailure)]
[PhaseMapping("INTERRUPTED_GPU", TaskPhase.RetryableFailure)]
[PhaseMapping("INTERRUPTED_CPU", TaskPhase.RetryableFailure)]
[PhaseMapping("INTERRUPTED_SPOT", TaskPhase.RetryableFailure)]
[PhaseMapping("INTERRUPTED_EU_WEST", TaskPhase.RetryableFailure)]
[PhaseMapping("INTERRUPTED_US_EAST", TaskPhase.RetryableFailure)]
[PhaseMapping("INTERRUPTED_STAGE_1", TaskPhase.RetryableFailure)]
[PhaseMapping("INTERRUPTED_STAGE_2", TaskPhase.RetryableFailure)]
[PhaseMapping("THROTTLED", TaskPhase.WaitingForResources)]
[PhaseMapping("THROTTLED_GPU", TaskPhase.WaitingForResources)]
[PhaseMapping("THROTTLED_CPU", TaskPhase.WaitingForResources)]
[PhaseMapping("THROTTLED_SPOT", TaskPhase.WaitingForResources)]
[PhaseMapping("THROTTLED_EU_WEST", TaskPhase.WaitingForResources)]
[PhaseMapping("THROTTLED_US_EAST", TaskPhase.WaitingForResources)]
[PhaseMapping("THROTTLED_STAGE_1", TaskPhase.WaitingForResources)]
[PhaseMapping("THROTTLED_STAGE_2", TaskPhase.WaitingForResources)]
public sealed partial class String128Plugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<StringJob128> GetAsync(JobRef meta, CancellationToken ct) => new(new StringJob128(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;
}

/// <summary>128 string states; Status written by hand.</summary>
[AsyncPlugin("bench_string128_hand")]
public sealed partial class String128HandPlugin
{
    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

    public ValueTask<StringJob128> GetAsync(JobRef meta, CancellationToken ct) => new(new StringJob128(meta.Id, default, null));

    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;

    public static PhaseInfo Status(StringJob128 job) => job.State switch
    {
        "SUBMITTED" => PhaseInfo.Queued("SUBMITTED"),
        "SUBMITTED_GPU" => PhaseInfo.Queued("SUBMITTED_GPU"),
        "SUBMITTED_CPU" => PhaseInfo.Queued("SUBMITTED_CPU"),
        "SUBMITTED_SPOT" => PhaseInfo.Queued("SUBMITTED_SPOT"),
        "SUBMITTED_EU_WEST" => PhaseInfo.Queued("SUBMITTED_EU_WEST"),
        "SUBMITTED_US_EAST" => PhaseInfo.Queued("SUBMITTED_US_EAST"),
        "SUBMITTED_STAGE_1" => PhaseInfo.Queued("SUBMITTED_STAGE_1"),
        "SUBMITTED_STAGE_2" => PhaseInfo.Queued("SUBMITTED_STAGE_2"),
        "PENDING" => PhaseInfo.Queued("PENDING"),
        "PENDING_GPU" => PhaseInfo.Queued("PENDING_GPU"),
        "PENDING_CPU" => PhaseInfo.Queued("PENDING_CPU"),
        "PENDING_SPOT" => PhaseInfo.Queued("PENDING_SPOT"),
        "PENDING_EU_WEST" => PhaseInfo.Queued("PENDING_EU_WEST"),
        "PENDING_US_EAST" => PhaseInfo.Queued("PENDING_US_EAST"),
        "PENDING_STAGE_1" => PhaseInfo.Queued("PENDING_STAGE_1"),
        "PENDING_STAGE_2" => PhaseInfo.Queued("PENDING_STAGE_2"),
        "QUEUED" => PhaseInfo.Queued("QUEUED"),
        "QUEUED_GPU" => PhaseInfo.Queued("QUEUED_GPU"),
        "QUEUED_CPU" => PhaseInfo.Queued("QUEUED_CPU"),
        "QUEUED_SPOT" => PhaseInfo.Queued("QUEUED_SPOT"),
        "QUEUED_EU_WEST" => PhaseInfo.Queued("QUEUED_EU_WEST"),
        "QUEUED_US_EAST" => PhaseInfo.Queued("QUEUED_US_EAST"),
        "QUEUED_STAGE_1" => PhaseInfo.Queued("QUEUED_STAGE_1"),
        "QUEUED_STAGE_2" => PhaseInfo.Queued("QUEUED_STAGE_2"),
        "PROVISIONING" => PhaseInfo.Initializing("PROVISIONING"),
        "PROVISIONING_GPU" => PhaseInfo.Initializing("PROVISIONING_GPU"),
        "PROVISIONING_CPU" => PhaseInfo.Initializing("PROVISIONING_CPU"),
        "PROVISIONING_SPOT" => PhaseInfo.Initializing("PROVISIONING_SPOT"),
        "PROVISIONING_EU_WEST" => PhaseInfo.Initializing("PROVISIONING_EU_WEST"),
        "PROVISIONING_US_EAST" => PhaseInfo.Initializing("PROVISIONING_US_EAST"),
        "PROVISIONING_STAGE_1" => PhaseInfo.Initializing("PROVISIONING_STAGE_1"),
        "PROVISIONING_STAGE_2" => PhaseInfo.Initializing("PROVISIONING_STAGE_2"),
        "STARTING" => PhaseInfo.Initializing("STARTING"),
        "STARTING_GPU" => PhaseInfo.Initializing("STARTING_GPU"),
        "STARTING_CPU" => PhaseInfo.Initializing("STARTING_CPU"),
        "STARTING_SPOT" => PhaseInfo.Initializing("STARTING_SPOT"),
        "STARTING_EU_WEST" => PhaseInfo.Initializing("STARTING_EU_WEST"),
        "STARTING_US_EAST" => PhaseInfo.Initializing("STARTING_US_EAST"),
        "STARTING_STAGE_1" => PhaseInfo.Initializing("STARTING_STAGE_1"),
        "STARTING_STAGE_2" => PhaseInfo.Initializing("STARTING_STAGE_2"),
        "DOWNLOADING" => PhaseInfo.Initializing("DOWNLOADING"),
        "DOWNLOADING_GPU" => PhaseInfo.Initializing("DOWNLOADING_GPU"),
        "DOWNLOADING_CPU" => PhaseInfo.Initializing("DOWNLOADING_CPU"),
        "DOWNLOADING_SPOT" => PhaseInfo.Initializing("DOWNLOADING_SPOT"),
        "DOWNLOADING_EU_WEST" => PhaseInfo.Initializing("DOWNLOADING_EU_WEST"),
        "DOWNLOADING_US_EAST" => PhaseInfo.Initializing("DOWNLOADING_US_EAST"),
        "DOWNLOADING_STAGE_1" => PhaseInfo.Initializing("DOWNLOADING_STAGE_1"),
        "DOWNLOADING_STAGE_2" => PhaseInfo.Initializing("DOWNLOADING_STAGE_2"),
        "PREPARING" => PhaseInfo.Initializing("PREPARING"),
        "PREPARING_GPU" => PhaseInfo.Initializing("PREPARING_GPU"),
        "PREPARING_CPU" => PhaseInfo.Initializing("PREPARING_CPU"),
        "PREPARING_SPOT" => PhaseInfo.Initializing("PREPARING_SPOT"),
        "PREPARING_EU_WEST" => PhaseInfo.Initializing("PREPARING_EU_WEST"),
        "PREPARING_US_EAST" => PhaseInfo.Initializing("PREPARING_US_EAST"),
        "PREPARING_STAGE_1" => PhaseInfo.Initializing("PREPARING_STAGE_1"),
        "PREPARING_STAGE_2" => PhaseInfo.Initializing("PREPARING_STAGE_2"),
        "RUNNING" => PhaseInfo.Running("RUNNING"),
        "RUNNING_GPU" => PhaseInfo.Running("RUNNING_GPU"),
        "RUNNING_CPU" => PhaseInfo.Running("RUNNING_CPU"),
        "RUNNING_SPOT" => PhaseInfo.Running("RUNNING_SPOT"),
        "RUNNING_EU_WEST" => PhaseInfo.Running("RUNNING_EU_WEST"),
        "RUNNING_US_EAST" => PhaseInfo.Running("RUNNING_US_EAST"),
        "RUNNING_STAGE_1" => PhaseInfo.Running("RUNNING_STAGE_1"),
        "RUNNING_STAGE_2" => PhaseInfo.Running("RUNNING_STAGE_2"),
        "TRAINING" => PhaseInfo.Running("TRAINING"),
        "TRAINING_GPU" => PhaseInfo.Running("TRAINING_GPU"),
        "TRAINING_CPU" => PhaseInfo.Running("TRAINING_CPU"),
        "TRAINING_SPOT" => PhaseInfo.Running("TRAINING_SPOT"),
        "TRAINING_EU_WEST" => PhaseInfo.Running("TRAINING_EU_WEST"),
        "TRAINING_US_EAST" => PhaseInfo.Running("TRAINING_US_EAST"),
        "TRAINING_STAGE_1" => PhaseInfo.Running("TRAINING_STAGE_1"),
        "TRAINING_STAGE_2" => PhaseInfo.Running("TRAINING_STAGE_2"),
        "UPLOADING" => PhaseInfo.Running("UPLOADING"),
        "UPLOADING_GPU" => PhaseInfo.Running("UPLOADING_GPU"),
        "UPLOADING_CPU" => PhaseInfo.Running("UPLOADING_CPU"),
        "UPLOADING_SPOT" => PhaseInfo.Running("UPLOADING_SPOT"),
        "UPLOADING_EU_WEST" => PhaseInfo.Running("UPLOADING_EU_WEST"),
        "UPLOADING_US_EAST" => PhaseInfo.Running("UPLOADING_US_EAST"),
        "UPLOADING_STAGE_1" => PhaseInfo.Running("UPLOADING_STAGE_1"),
        "UPLOADING_STAGE_2" => PhaseInfo.Running("UPLOADING_STAGE_2"),
        "EVALUATING" => PhaseInfo.Running("EVALUATING"),
        "EVALUATING_GPU" => PhaseInfo.Running("EVALUATING_GPU"),
        "EVALUATING_CPU" => PhaseInfo.Running("EVALUATING_CPU"),
        "EVALUATING_SPOT" => PhaseInfo.Running("EVALUATING_SPOT"),
        "EVALUATING_EU_WEST" => PhaseInfo.Running("EVALUATING_EU_WEST"),
        "EVALUATING_US_EAST" => PhaseInfo.Running("EVALUATING_US_EAST"),
        "EVALUATING_STAGE_1" => PhaseInfo.Running("EVALUATING_STAGE_1"),
        "EVALUATING_STAGE_2" => PhaseInfo.Running("EVALUATING_STAGE_2"),
        "STOPPING" => PhaseInfo.Running("STOPPING"),
        "STOPPING_GPU" => PhaseInfo.Running("STOPPING_GPU"),
        "STOPPING_CPU" => PhaseInfo.Running("STOPPING_CPU"),
        "STOPPING_SPOT" => PhaseInfo.Running("STOPPING_SPOT"),
        "STOPPING_EU_WEST" => PhaseInfo.Running("STOPPING_EU_WEST"),
        "STOPPING_US_EAST" => PhaseInfo.Running("STOPPING_US_EAST"),
        "STOPPING_STAGE_1" => PhaseInfo.Running("STOPPING_STAGE_1"),
        "STOPPING_STAGE_2" => PhaseInfo.Running("STOPPING_STAGE_2"),
        "COMPLETED" => PhaseInfo.Success("COMPLETED"),
        "COMPLETED_GPU" => PhaseInfo.Success("COMPLETED_GPU"),
        "COMPLETED_CPU" => PhaseInfo.Success("COMPLETED_CPU"),
        "COMPLETED_SPOT" => PhaseInfo.Success("COMPLETED_SPOT"),
        "COMPLETED_EU_WEST" => PhaseInfo.Success("COMPLETED_EU_WEST"),
        "COMPLETED_US_EAST" => PhaseInfo.Success("COMPLETED_US_EAST"),
        "COMPLETED_STAGE_1" => PhaseInfo.Success("COMPLETED_STAGE_1"),
        "COMPLETED_STAGE_2" => PhaseInfo.Success("COMPLETED_STAGE_2"),
        "FAILED" => PhaseInfo.Failure("FAILED", HandWritten.Message(job.Error, "FAILED")),
        "FAILED_GPU" => PhaseInfo.Failure("FAILED_GPU", HandWritten.Message(job.Error, "FAILED_GPU")),
        "FAILED_CPU" => PhaseInfo.Failure("FAILED_CPU", HandWritten.Message(job.Error, "FAILED_CPU")),
        "FAILED_SPOT" => PhaseInfo.Failure("FAILED_SPOT", HandWritten.Message(job.Error, "FAILED_SPOT")),
        "FAILED_EU_WEST" => PhaseInfo.Failure("FAILED_EU_WEST", HandWritten.Message(job.Error, "FAILED_EU_WEST")),
        "FAILED_US_EAST" => PhaseInfo.Failure("FAILED_US_EAST", HandWritten.Message(job.Error, "FAILED_US_EAST")),
        "FAILED_STAGE_1" => PhaseInfo.Failure("FAILED_STAGE_1", HandWritten.Message(job.Error, "FAILED_STAGE_1")),
        "FAILED_STAGE_2" => PhaseInfo.Failure("FAILED_STAGE_2", HandWritten.Message(job.Error, "FAILED_STAGE_2")),
        "INTERRUPTED" => PhaseInfo.RetryableFailure("INTERRUPTED", HandWritten.Message(job.Error, "INTERRUPTED")),
        "INTERRUPTED_GPU" => PhaseInfo.RetryableFailure("INTERRUPTED_GPU", HandWritten.Message(job.Error, "INTERRUPTED_GPU")),
        "INTERRUPTED_CPU" => PhaseInfo.RetryableFailure("INTERRUPTED_CPU", HandWritten.Message(job.Error, "INTERRUPTED_CPU")),
        "INTERRUPTED_SPOT" => PhaseInfo.RetryableFailure("INTERRUPTED_SPOT", HandWritten.Message(job.Error, "INTERRUPTED_SPOT")),
        "INTERRUPTED_EU_WEST" => PhaseInfo.RetryableFailure("INTERRUPTED_EU_WEST", HandWritten.Message(job.Error, "INTERRUPTED_EU_WEST")),
        "INTERRUPTED_US_EAST" => PhaseInfo.RetryableFailure("INTERRUPTED_US_EAST", HandWritten.Message(job.Error, "INTERRUPTED_US_EAST")),
        "INTERRUPTED_STAGE_1" => PhaseInfo.RetryableFailure("INTERRUPTED_STAGE_1", HandWritten.Message(job.Error, "INTERRUPTED_STAGE_1")),
        "INTERRUPTED_STAGE_2" => PhaseInfo.RetryableFailure("INTERRUPTED_STAGE_2", HandWritten.Message(job.Error, "INTERRUPTED_STAGE_2")),
        "THROTTLED" => PhaseInfo.WaitingForResources("THROTTLED"),
        "THROTTLED_GPU" => PhaseInfo.WaitingForResources("THROTTLED_GPU"),
        "THROTTLED_CPU" => PhaseInfo.WaitingForResources("THROTTLED_CPU"),
        "THROTTLED_SPOT" => PhaseInfo.WaitingForResources("THROTTLED_SPOT"),
        "THROTTLED_EU_WEST" => PhaseInfo.WaitingForResources("THROTTLED_EU_WEST"),
        "THROTTLED_US_EAST" => PhaseInfo.WaitingForResources("THROTTLED_US_EAST"),
        "THROTTLED_STAGE_1" => PhaseInfo.WaitingForResources("THROTTLED_STAGE_1"),
        "THROTTLED_STAGE_2" => PhaseInfo.WaitingForResources("THROTTLED_STAGE_2"),
        _ => PhaseInfo.SystemFailure("UnmappedState", "unmapped state"),
    };
}
