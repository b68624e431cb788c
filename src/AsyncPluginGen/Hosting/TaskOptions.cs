namespace AsyncPluginGen.Hosting;

/// <summary>Per-task settings given at submission.</summary>
public sealed record TaskOptions
{
    /// <summary>
    /// How long the task may run from submission. When it passes, the task is aborted, its remote job deleted, and it
    /// ends as a retryable failure with code <c>TimeoutExpired</c>. Null: the host's default, if any.
    /// </summary>
    public TimeSpan? Timeout { get; init; }
}
