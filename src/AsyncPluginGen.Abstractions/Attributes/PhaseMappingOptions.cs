namespace AsyncPluginGen;

/// <summary>The settings shared by every way of mapping a remote state to a phase.</summary>
public abstract class PhaseMappingOptions : Attribute
{
    /// <summary>Maps to <paramref name="phase"/>.</summary>
    /// <param name="phase">The phase the state maps to.</param>
    protected PhaseMappingOptions(TaskPhase phase) => Phase = phase;

    /// <summary>The phase the state maps to.</summary>
    public TaskPhase Phase { get; }

    /// <summary>For failures: the error code. Defaults to the state's name.</summary>
    public string? Code { get; set; }

    /// <summary>The reason (or, for failures, the message when the resource has none). Defaults to the state's name.</summary>
    public string? Reason { get; set; }

    /// <summary>For failures: who is at fault. Default <see cref="ExecutionErrorKind.User"/>, as in Flyte.</summary>
    public ExecutionErrorKind Kind { get; set; } = ExecutionErrorKind.User;

    /// <summary>For failures: delete the remote resource afterwards (Flyte's <c>WithCleanup</c> variants).</summary>
    public bool Cleanup { get; set; }
}
