using System.Threading.Channels;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Everything the host keeps about one in-flight task. Small on purpose: a million of these must fit in memory.
/// Processed by at most one worker at a time (see <see cref="Scheduled"/>).
/// </summary>
internal abstract class TaskRecord
{
    protected TaskRecord(TaskContext task, string pluginId, DateTimeOffset submittedAt)
    {
        Task = task;
        PluginId = pluginId;
        SubmittedAt = submittedAt;
    }

    public TaskContext Task { get; }

    public string PluginId { get; }

    public DateTimeOffset SubmittedAt { get; }

    public TaskCompletionSource<TaskResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PluginState State;

    public PhaseInfo Phase = PhaseInfo.NotReady("submitted");

    public DateTimeOffset? Deadline;

    public DateTimeOffset? WaitingSince;

    /// <summary>The namespace whose token this task holds, or null.</summary>
    public ResourceNamespace? Token;

    public int CreateAttempts;

    /// <summary>A Create failed in a way that may still have created the job (lost response, time-out, 5xx).</summary>
    public bool CreateMayHaveSucceeded;

    public int DeleteAttempts;

    public int ConsecutiveGetFailures;

    public string? LastGetError;

    /// <summary>1 while queued or being processed; guards against two workers on one task.</summary>
    public int Scheduled;

    /// <summary>1 when something happened while a worker held the task: process it again.</summary>
    public int Dirty;

    public volatile bool AbortRequested;

    public volatile bool TimedOut;

    /// <summary>Set when the remote job must be deleted before the task ends with <see cref="AfterDelete"/>.</summary>
    public DeleteReason? PendingDelete;

    public (PhaseInfo Phase, PluginState State) AfterDelete;

    /// <summary>When the next Create or Delete retry is due; null when none is pending.</summary>
    public DateTimeOffset? RetryAt;

    public List<Channel<PhaseEvent>>? Watchers;

    public bool IsFinished => State is PluginState.Succeeded or PluginState.UserFailure or PluginState.SystemFailure or PluginState.Aborted;

    public abstract bool HasMeta { get; }

    public abstract object? MetaObject { get; }

    public abstract object? ResourceObject { get; }
}

/// <summary>A task record typed in the plugin's ResourceMeta and Resource, so the hot path needs no casts.</summary>
internal sealed class TaskRecord<TMeta, TResource> : TaskRecord
    where TMeta : notnull
    where TResource : notnull
{
    public TaskRecord(TaskContext task, string pluginId, DateTimeOffset submittedAt)
        : base(task, pluginId, submittedAt)
    {
    }

    public TMeta? Meta;

    public bool MetaSet;

    public TResource? Resource;

    public bool ResourceSet;

    /// <summary>Counted in the runner's creates in flight; handed over to the polling set, under the same lock, once created.</summary>
    public bool HoldsCreateSlot;

    public override bool HasMeta => MetaSet;

    public override object? MetaObject => MetaSet ? Meta : null;

    public override object? ResourceObject => ResourceSet ? Resource : null;
}
