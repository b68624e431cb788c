namespace AsyncPluginGen;

/// <summary>Classification helpers for <see cref="TaskPhase"/>, with Flyte's definitions.</summary>
public static class TaskPhaseExtensions
{
    /// <summary>
    /// Whether no further phase change is expected: <see cref="TaskPhase.Success"/>, the failures and
    /// <see cref="TaskPhase.Aborted"/>.
    /// </summary>
    /// <param name="phase">The phase to classify.</param>
    /// <returns><see langword="true"/> for terminal phases.</returns>
    public static bool IsTerminal(this TaskPhase phase) =>
        phase is TaskPhase.Success or TaskPhase.RetryableFailure or TaskPhase.PermanentFailure or TaskPhase.Aborted;

    /// <summary>Whether the phase is <see cref="TaskPhase.RetryableFailure"/> or <see cref="TaskPhase.PermanentFailure"/>.</summary>
    /// <param name="phase">The phase to classify.</param>
    /// <returns><see langword="true"/> for failure phases.</returns>
    public static bool IsFailure(this TaskPhase phase) =>
        phase is TaskPhase.RetryableFailure or TaskPhase.PermanentFailure;

    /// <summary>Whether the phase is <see cref="TaskPhase.Success"/>.</summary>
    /// <param name="phase">The phase to classify.</param>
    /// <returns><see langword="true"/> only for <see cref="TaskPhase.Success"/>.</returns>
    public static bool IsSuccess(this TaskPhase phase) => phase == TaskPhase.Success;
}
