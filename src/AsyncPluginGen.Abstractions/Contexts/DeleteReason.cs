namespace AsyncPluginGen;

/// <summary>Why the host deletes a remote resource (Flyte passes <c>"Aborted"</c> on abort).</summary>
/// <param name="Value">The reason's text.</param>
public readonly record struct DeleteReason(string Value)
{
    /// <summary>The task was aborted by a user or its workflow (Flyte's reason on abort).</summary>
    public static DeleteReason Aborted { get; } = new("Aborted");

    /// <summary>Status reported a failure with cleanup.</summary>
    public static DeleteReason CleanupOnFailure { get; } = new("CleanupOnFailure");

    /// <summary>The task's deadline passed.</summary>
    public static DeleteReason TimeoutExpired { get; } = new("TimeoutExpired");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
