namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>The run-state-to-phase mapping of <see cref="NotebookRunPlugin"/>.</summary>
public sealed partial class NotebookRunPlugin
{
    /// <summary>The error code of a notebook that failed (<c>TERMINATED</c> with <c>FAILED</c>).</summary>
    public const string RunFailedCode = "RunFailed";

    /// <summary>The error code of a run stopped at its time-out (<c>TERMINATED</c> with <c>TIMEDOUT</c>).</summary>
    public const string RunTimedOutCode = "RunTimedOut";

    /// <summary>The error code of a run that never executed (<c>SKIPPED</c>).</summary>
    public const string RunSkippedCode = "RunSkipped";

    /// <summary>The error code of a run ended by a failure of Databricks itself (<c>INTERNAL_ERROR</c>).</summary>
    public const string InternalErrorCode = "DatabricksInternalError";

    /// <summary>The error code of a terminated run whose result this plugin does not know.</summary>
    public const string UnknownResultCode = "UnknownResultState";

    private const string FailedMessage = "The notebook failed; see the run page for its output.";
    private const string TimedOutMessage = "The run was stopped at its time-out.";
    private const string SkippedMessage = "Databricks skipped the run.";
    private const string InternalErrorMessage = "The run ended because of an internal error of Databricks.";
    private const string CanceledMessage = "The run was cancelled in Databricks.";
    private const string UnknownResultMessage = "The run terminated with a result this plugin does not know.";

    /// <summary>
    /// The phase of a run. Databricks reports where the run is (<c>life_cycle_state</c>) apart from how it ended
    /// (<c>result_state</c>), so one mapping attribute cannot express it. Runs on every poll of every task: it only
    /// compares enums and returns constants or the run's own <c>state_message</c>, so it allocates nothing.
    /// </summary>
    /// <param name="run">The run, as Get or Create returned it.</param>
    /// <returns>The phase.</returns>
    public static PhaseInfo Status(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.State is not { } state)
        {
            // Not a shape Databricks sends; keep polling rather than guess an outcome (the task's deadline bounds it).
            return PhaseInfo.Running();
        }

        var message = state.StateMessage;
        return state.LifeCycleState switch
        {
            RunLifeCycleState.Queued or RunLifeCycleState.Blocked => PhaseInfo.Queued(message),

            // As in Flyte's plugin: PENDING is the cluster starting and the notebook being attached.
            RunLifeCycleState.Pending => PhaseInfo.Initializing(message),

            // TERMINATING is still Running: the run's outcome is not known until it is TERMINATED.
            RunLifeCycleState.Running or RunLifeCycleState.Terminating or RunLifeCycleState.WaitingForRetry => PhaseInfo.Running(message),
            RunLifeCycleState.Terminated => Ended(state.ResultState, message),

            // Databricks chose not to run it (a run condition, a concurrency limit) and does not say which in a field
            // the plugin could act on: report its message and leave a retry to the task's author.
            RunLifeCycleState.Skipped => PhaseInfo.Failure(RunSkippedCode, Or(message, SkippedMessage)),

            // Databricks' own infrastructure failed, not the notebook: a system error another attempt may not meet.
            RunLifeCycleState.InternalError => PhaseInfo.SystemRetryableFailure(InternalErrorCode, Or(message, InternalErrorMessage)),

            // A life-cycle state added after this plugin was written. Every state Databricks has added so far was one
            // on the way to the end, and the end is always told by result_state: judge by it once it is there, and
            // keep polling until then.
            _ => state.ResultState is null ? PhaseInfo.Running(message) : Ended(state.ResultState, message),
        };
    }

    private static PhaseInfo Ended(RunResultState? result, string? message) => result switch
    {
        RunResultState.Success => PhaseInfo.Success(),
        RunResultState.Failed => PhaseInfo.Failure(RunFailedCode, Or(message, FailedMessage)),

        // Retryable: a run stopped at its time-out was usually slowed by its cluster or its data that day, and the
        // task's retry budget (set by its author) bounds the cost. The host reports its own deadline the same way.
        RunResultState.TimedOut => PhaseInfo.RetryableFailure(RunTimedOutCode, Or(message, TimedOutMessage)),

        // Cancelled by someone other than this plugin (the plugin stops polling when it cancels a run itself).
        RunResultState.Canceled => PhaseInfo.Aborted(Or(message, CanceledMessage)),

        // A result added after this plugin was written, or none at all: claiming success could publish bad data, and
        // retrying could run a notebook with side effects twice, so stop and say so.
        _ => PhaseInfo.SystemFailure(UnknownResultCode, Or(message, UnknownResultMessage)),
    };

    private static string Or(string? message, string fallback) => string.IsNullOrEmpty(message) ? fallback : message;
}
