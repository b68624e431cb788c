namespace AsyncPluginGen.Hosting;

/// <summary>
/// An async plugin's task, typed in its ResourceMeta and Resource so the hot path needs no casts. Everything here is
/// owned by the worker holding the claim (see <see cref="TaskRecord"/>), except <see cref="HoldsCreateSlot"/>, which
/// belongs to the capacity gate and changes only under its lock.
/// </summary>
internal sealed class AsyncTaskRecord<TMeta, TResource>(TaskContext task, string pluginId, DateTimeOffset? deadline)
    : TaskRecord(task, pluginId, deadline)
    where TMeta : notnull
    where TResource : notnull
{
    private TMeta? _meta;
    private TResource? _resource;
    private ResourceNamespace? _token;
    private long _waitingSinceTicks;
    // Only a task whose job must be deleted pays for what follows the Delete (a reference, not the phase inline).
    private PendingDelete? _delete;
    private int _deleteAttempts;
    private int _consecutiveGetFailures;
    private bool _metaSet;
    private bool _resourceSet;
    private bool _createMayHaveSucceeded;

    public TMeta Meta => _metaSet ? _meta! : throw new InvalidOperationException("The task has no ResourceMeta yet.");

    public TResource Resource => _resourceSet ? _resource! : throw new InvalidOperationException("The task has no resource yet.");

    public bool HasMeta => _metaSet;

    public override bool JobMayExist => _metaSet || _createMayHaveSucceeded;

    public override object? MetaObject => _metaSet ? _meta : null;

    public override object? ResourceObject => _resourceSet ? _resource : null;

    /// <summary>Counted in the capacity gate's creates in flight; owned by the gate, under its lock.</summary>
    public bool HoldsCreateSlot { get; set; }

    public int ConsecutiveGetFailures => _consecutiveGetFailures;

    public int DeleteAttempts => _deleteAttempts;

    public DeleteReason DeleteReason => _delete?.Reason ?? default;

    /// <summary>A Delete was decided (abort, deadline, cleanup): the task ends only after it.</summary>
    public override bool DeletePending => _delete is not null;

    public (PhaseInfo Phase, PluginState State) AfterDelete => _delete is { } delete ? (delete.Then, delete.ThenState) : default;

    public void SetMeta(TMeta meta)
    {
        _meta = meta;
        _metaSet = true;
    }

    /// <summary>A successful read: the resource is current and the failure streak ends (Flyte never resets it).</summary>
    /// <summary>Keeps the resource a Get returned; true when that ended a run of failed Gets (a change to store).</summary>
    public bool SetResource(TResource resource)
    {
        _resource = resource;
        _resourceSet = true;
        if (_consecutiveGetFailures == 0)
        {
            return false;
        }

        _consecutiveGetFailures = 0;
        return true;
    }

    /// <summary>Lets go of the last resource once Status has read it.</summary>
    public void ReleaseResource()
    {
        _resource = default;
        _resourceSet = false;
    }

    public int CountGetFailure() => ++_consecutiveGetFailures;

    /// <summary>A Create failed in a way that may still have created the job (lost response, time-out, 5xx).</summary>
    public void NoteCreateMayHaveSucceeded() => _createMayHaveSucceeded = true;

    /// <summary>The job must be deleted with <paramref name="reason"/>; the task then ends with <paramref name="then"/>.</summary>
    public void BeginDelete(DeleteReason reason, PhaseInfo then, PluginState thenState)
    {
        _delete = new PendingDelete(reason, then, thenState, 0);
        MoveTo(TaskStep.Delete);
    }

    /// <inheritdoc />
    public override TaskProgress CaptureProgress() => base.CaptureProgress() with
    {
        CreateInDoubt = _createMayHaveSucceeded && !_metaSet,
        GetFailures = _consecutiveGetFailures,
        QuotaNamespace = _token?.Name,
        Delete = _delete is { } delete ? delete with { Attempts = _deleteAttempts } : null,
    };

    /// <summary>Restores what the store knew of a recovered task, before anything runs it.</summary>
    public void Restore(in TaskProgress progress, TMeta? meta, bool hasMeta)
    {
        RestoreProgress(progress);
        if (hasMeta)
        {
            SetMeta(meta!);
            MetaStored = true;
            Advance(PluginState.ResourcesCreated);
        }

        _consecutiveGetFailures = progress.GetFailures;

        // Created but its meta not stored (a plugin without a meta serializer) is "created, meta unknown" too.
        _createMayHaveSucceeded = progress.CreateInDoubt || (!hasMeta && progress.State == PluginState.ResourcesCreated);
        if (progress.Delete is { } delete)
        {
            _deleteAttempts = delete.Attempts;
            BeginDelete(delete.Reason, delete.Then, delete.ThenState);
        }
    }

    public int BeginDeleteAttempt() => ++_deleteAttempts;

    public void HoldToken(ResourceNamespace ns) => _token = ns;

    /// <summary>The namespace whose token the task holds, cleared so it is released exactly once; null when none.</summary>
    public ResourceNamespace? TakeToken()
    {
        var token = _token;
        _token = null;
        return token;
    }

    /// <summary>Starts (or continues) the wait for quota or capacity.</summary>
    public void StartWaiting(DateTimeOffset now)
    {
        if (_waitingSinceTicks == 0)
        {
            _waitingSinceTicks = now.UtcTicks;
        }
    }

    /// <summary>Ends the wait; returns how long it lasted (zero when the task never waited).</summary>
    public TimeSpan StopWaiting(DateTimeOffset now)
    {
        var waited = _waitingSinceTicks == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(now.UtcTicks - _waitingSinceTicks);
        _waitingSinceTicks = 0;
        return waited;
    }
}
