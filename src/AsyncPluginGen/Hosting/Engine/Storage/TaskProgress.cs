namespace AsyncPluginGen.Hosting;

/// <summary>
/// What the host needs, beyond the task's context and meta, to resume a task after a restart: the
/// <see cref="StoredTask.Progress"/> of a row, before it is encoded.
/// </summary>
internal readonly record struct TaskProgress
{
    public PluginState State { get; init; }

    /// <summary>The last published phase (the outcome, once the task ended). Its <see cref="TaskInfo"/> is not kept.</summary>
    public PhaseInfo Phase { get; init; }

    public TaskInterrupt Interrupt { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Create (or Do) attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets that failed in a row (a successful Get resets it), so a restart does not forgive them.</summary>
    public int GetFailures { get; init; }

    /// <summary>A Create failed in a way that may still have created the job: it is repeated, with the same key, to learn the meta.</summary>
    public bool CreateInDoubt { get; init; }

    /// <summary>The namespace whose quota token the task held.</summary>
    public string? QuotaNamespace { get; init; }

    /// <summary>The Delete the task must finish before it ends, when one is pending.</summary>
    public PendingDelete? Delete { get; init; }
}

/// <summary>A Delete that must happen before the task ends, and the outcome the task ends with after it.</summary>
internal sealed record PendingDelete(DeleteReason Reason, PhaseInfo Then, PluginState ThenState, int Attempts);
