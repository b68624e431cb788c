namespace AsyncPluginGen;

/// <summary>
/// What a plugin's Status reports: the phase, a phase version, a reason, optional <see cref="TaskInfo"/>,
/// an error for failures, and whether the remote resource must be cleaned up on failure. Mirrors Flyte's
/// <c>pluginmachinery/core.PhaseInfo</c> and its constructors.
/// </summary>
/// <remarks>
/// A readonly struct with only references to strings and objects the caller already holds, so returning
/// one from Status allocates nothing. <c>default(PhaseInfo)</c> is <see cref="Undefined"/>.
/// </remarks>
public readonly record struct PhaseInfo
{
    /// <summary>Flyte's <c>DefaultPhaseVersion</c>.</summary>
    public const uint DefaultVersion = 0;

    private PhaseInfo(TaskPhase phase, uint version, string? reason, TaskInfo? info, ExecutionError? error, bool cleanupOnFailure)
    {
        Phase = phase;
        Version = version;
        Reason = reason;
        Info = info;
        Error = error;
        CleanupOnFailure = cleanupOnFailure;
    }

    /// <summary>The reported phase.</summary>
    public TaskPhase Phase { get; }

    /// <summary>
    /// The version within the phase. A plugin increments it to report a change (new logs, progress) without
    /// a phase change; the host emits an event whenever the phase or the version changes.
    /// </summary>
    public uint Version { get; }

    /// <summary>A short human-readable reason for the phase, if any. For failures, the error message.</summary>
    public string? Reason { get; }

    /// <summary>Optional details: logs, times, custom info, external resources.</summary>
    public TaskInfo? Info { get; }

    /// <summary>The error, for failure phases; <see langword="null"/> otherwise.</summary>
    public ExecutionError? Error { get; }

    /// <summary>Whether the host must call Delete on the remote resource after this failure.</summary>
    public bool CleanupOnFailure { get; }

    /// <summary>Whether <see cref="Phase"/> is terminal (see <see cref="TaskPhaseExtensions.IsTerminal"/>).</summary>
    public bool IsTerminal => Phase.IsTerminal();

    /// <summary>A phase the plugin cannot determine (Flyte's <c>PhaseInfoUndefined</c>).</summary>
    public static PhaseInfo Undefined => default;

    /// <summary>The task is not ready yet (Flyte's <c>PhaseInfoNotReady</c>).</summary>
    /// <param name="reason">Why the task is not ready.</param>
    /// <param name="version">The phase version.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.NotReady"/> phase.</returns>
    public static PhaseInfo NotReady(string? reason, uint version = DefaultVersion, TaskInfo? info = null) =>
        new(TaskPhase.NotReady, version, reason, info, null, false);

    /// <summary>The task waits for resources (Flyte's <c>PhaseInfoWaitingForResourcesInfo</c>).</summary>
    /// <param name="reason">What the task waits for.</param>
    /// <param name="version">The phase version.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.WaitingForResources"/> phase.</returns>
    public static PhaseInfo WaitingForResources(string? reason, uint version = DefaultVersion, TaskInfo? info = null) =>
        new(TaskPhase.WaitingForResources, version, reason, info, null, false);

    /// <summary>The job is queued (Flyte's <c>PhaseInfoQueued</c> and <c>PhaseInfoQueuedWithTaskInfo</c>).</summary>
    /// <param name="reason">Why, for example <c>job submitted</c>.</param>
    /// <param name="version">The phase version.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.Queued"/> phase.</returns>
    public static PhaseInfo Queued(string? reason, uint version = DefaultVersion, TaskInfo? info = null) =>
        new(TaskPhase.Queued, version, reason, info, null, false);

    /// <summary>The job is initializing (Flyte's <c>PhaseInfoInitializing</c>).</summary>
    /// <param name="reason">What is being prepared.</param>
    /// <param name="version">The phase version.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.Initializing"/> phase.</returns>
    public static PhaseInfo Initializing(string? reason, uint version = DefaultVersion, TaskInfo? info = null) =>
        new(TaskPhase.Initializing, version, reason, info, null, false);

    /// <summary>The job is running (Flyte's <c>PhaseInfoRunning</c>).</summary>
    /// <param name="reason">An optional reason; Flyte's constructor has none.</param>
    /// <param name="version">The phase version.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.Running"/> phase.</returns>
    public static PhaseInfo Running(string? reason = null, uint version = DefaultVersion, TaskInfo? info = null) =>
        new(TaskPhase.Running, version, reason, info, null, false);

    /// <summary>The job succeeded (Flyte's <c>PhaseInfoSuccess</c>).</summary>
    /// <param name="reason">An optional reason; Flyte's constructor has none.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.Success"/> phase.</returns>
    public static PhaseInfo Success(string? reason = null, TaskInfo? info = null) =>
        new(TaskPhase.Success, DefaultVersion, reason, info, null, false);

    /// <summary>The task waits for a cached result (Flyte's <c>PhaseInfoWaitingForCache</c>).</summary>
    /// <param name="reason">An optional reason.</param>
    /// <param name="version">The phase version.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.WaitingForCache"/> phase.</returns>
    public static PhaseInfo WaitingForCache(string? reason = null, uint version = DefaultVersion, TaskInfo? info = null) =>
        new(TaskPhase.WaitingForCache, version, reason, info, null, false);

    /// <summary>The task was aborted.</summary>
    /// <param name="reason">Why, for example <c>Aborted</c>.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>An <see cref="TaskPhase.Aborted"/> phase.</returns>
    public static PhaseInfo Aborted(string? reason = null, TaskInfo? info = null) =>
        new(TaskPhase.Aborted, DefaultVersion, reason, info, null, false);

    /// <summary>
    /// A failure in the given phase with the given error (Flyte's <c>PhaseInfoFailed</c>). A null error becomes
    /// Flyte's <c>Unknown</c> / <c>Unknown error message</c>.
    /// </summary>
    /// <param name="phase">The failure phase, normally <see cref="TaskPhase.PermanentFailure"/> or <see cref="TaskPhase.RetryableFailure"/>.</param>
    /// <param name="error">The error.</param>
    /// <param name="info">Optional details.</param>
    /// <param name="cleanupOnFailure">Whether the host must Delete the remote resource.</param>
    /// <returns>A failure phase.</returns>
    public static PhaseInfo Failed(TaskPhase phase, ExecutionError? error, TaskInfo? info = null, bool cleanupOnFailure = false)
    {
        var e = error ?? ExecutionError.Unknown;
        return new(phase, DefaultVersion, e.Message, info, e, cleanupOnFailure);
    }

    /// <summary>A permanent user failure (Flyte's <c>PhaseInfoFailure</c>).</summary>
    /// <param name="code">A stable error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.PermanentFailure"/> phase with a user error.</returns>
    public static PhaseInfo Failure(string? code, string? message, TaskInfo? info = null) =>
        Failed(TaskPhase.PermanentFailure, new ExecutionError(code, message, ExecutionErrorKind.User), info);

    /// <summary>A permanent user failure after which the remote resource is deleted (Flyte's <c>PhaseInfoFailureWithCleanup</c>).</summary>
    /// <param name="code">A stable error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.PermanentFailure"/> phase with cleanup.</returns>
    public static PhaseInfo FailureWithCleanup(string? code, string? message, TaskInfo? info = null) =>
        Failed(TaskPhase.PermanentFailure, new ExecutionError(code, message, ExecutionErrorKind.User), info, cleanupOnFailure: true);

    /// <summary>A retryable user failure (Flyte's <c>PhaseInfoRetryableFailure</c>).</summary>
    /// <param name="code">A stable error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.RetryableFailure"/> phase with a user error.</returns>
    public static PhaseInfo RetryableFailure(string? code, string? message, TaskInfo? info = null) =>
        Failed(TaskPhase.RetryableFailure, new ExecutionError(code, message, ExecutionErrorKind.User), info);

    /// <summary>A retryable user failure with cleanup (Flyte's <c>PhaseInfoRetryableFailureWithCleanup</c>).</summary>
    /// <param name="code">A stable error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.RetryableFailure"/> phase with cleanup.</returns>
    public static PhaseInfo RetryableFailureWithCleanup(string? code, string? message, TaskInfo? info = null) =>
        Failed(TaskPhase.RetryableFailure, new ExecutionError(code, message, ExecutionErrorKind.User), info, cleanupOnFailure: true);

    /// <summary>A permanent system failure (Flyte's <c>PhaseInfoSystemFailure</c>).</summary>
    /// <param name="code">A stable error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.PermanentFailure"/> phase with a system error.</returns>
    public static PhaseInfo SystemFailure(string? code, string? message, TaskInfo? info = null) =>
        Failed(TaskPhase.PermanentFailure, new ExecutionError(code, message, ExecutionErrorKind.System), info);

    /// <summary>A permanent system failure with cleanup (Flyte's <c>PhaseInfoSystemFailureWithCleanup</c>).</summary>
    /// <param name="code">A stable error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.PermanentFailure"/> phase with a system error and cleanup.</returns>
    public static PhaseInfo SystemFailureWithCleanup(string? code, string? message, TaskInfo? info = null) =>
        Failed(TaskPhase.PermanentFailure, new ExecutionError(code, message, ExecutionErrorKind.System), info, cleanupOnFailure: true);

    /// <summary>A retryable system failure (Flyte's <c>PhaseInfoSystemRetryableFailure</c>).</summary>
    /// <param name="code">A stable error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.RetryableFailure"/> phase with a system error.</returns>
    public static PhaseInfo SystemRetryableFailure(string? code, string? message, TaskInfo? info = null) =>
        Failed(TaskPhase.RetryableFailure, new ExecutionError(code, message, ExecutionErrorKind.System), info);

    /// <summary>A retryable system failure with cleanup (Flyte's <c>PhaseInfoSystemRetryableFailureWithCleanup</c>).</summary>
    /// <param name="code">A stable error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="info">Optional details.</param>
    /// <returns>A <see cref="TaskPhase.RetryableFailure"/> phase with a system error and cleanup.</returns>
    public static PhaseInfo SystemRetryableFailureWithCleanup(string? code, string? message, TaskInfo? info = null) =>
        Failed(TaskPhase.RetryableFailure, new ExecutionError(code, message, ExecutionErrorKind.System), info, cleanupOnFailure: true);

    /// <summary>The same phase with another version.</summary>
    /// <param name="version">The new version.</param>
    /// <returns>A copy with <see cref="Version"/> replaced.</returns>
    public PhaseInfo WithVersion(uint version) => new(Phase, version, Reason, Info, Error, CleanupOnFailure);

    /// <summary>The same phase with other details.</summary>
    /// <param name="info">The new details.</param>
    /// <returns>A copy with <see cref="Info"/> replaced.</returns>
    public PhaseInfo WithInfo(TaskInfo? info) => new(Phase, Version, Reason, info, Error, CleanupOnFailure);

    /// <summary>The same phase with another reason.</summary>
    /// <param name="reason">The new reason.</param>
    /// <returns>A copy with <see cref="Reason"/> replaced.</returns>
    public PhaseInfo WithReason(string? reason) => new(Phase, Version, reason, Info, Error, CleanupOnFailure);

    /// <inheritdoc />
    public override string ToString() =>
        Error is { } e ? $"{Phase} v{Version}: {e}" : Reason is null ? $"{Phase} v{Version}" : $"{Phase} v{Version}: {Reason}";
}
