namespace AsyncPluginGen.Hosting;

/// <summary>
/// The pure transition function of a woken task, and what an interrupt means for it. No state, no clock, no I/O: the
/// whole decision table fits on a screen and is tested on its own.
/// </summary>
internal static class TaskSteps
{
    /// <summary>
    /// The step to run when a worker picks the task up.
    /// <list type="bullet">
    /// <item>Finished stays finished; a Delete is never cut short, not even its backoff (a repeated abort, which Flyte's
    /// propeller re-sends every round, must not burn the Delete retries).</item>
    /// <item>Otherwise an interrupt ends the task: through a Delete when a remote job may exist, at once when none can.</item>
    /// <item>A Create backoff resumes when its retry is due; a parked task tries its gate again.</item>
    /// </list>
    /// </summary>
    /// <param name="step">The task's current step.</param>
    /// <param name="interrupt">Whether an abort or the deadline asks the task to end.</param>
    /// <param name="retryDue">Whether the pending backoff, if any, has run out.</param>
    /// <param name="jobMayExist">Whether Create returned a meta, or failed in a way that may have created the job anyway.</param>
    /// <returns>The step to run; when it equals a backoff <paramref name="step"/>, nothing runs yet.</returns>
    public static TaskStep Next(TaskStep step, TaskInterrupt interrupt, bool retryDue, bool jobMayExist) => step switch
    {
        TaskStep.Finished => TaskStep.Finished,
        TaskStep.Delete => TaskStep.Delete,
        TaskStep.DeleteBackoff => retryDue ? TaskStep.Delete : TaskStep.DeleteBackoff,
        _ when interrupt != TaskInterrupt.None => jobMayExist ? TaskStep.Delete : TaskStep.Finished,
        TaskStep.CreateBackoff => retryDue ? TaskStep.Create : TaskStep.CreateBackoff,
        TaskStep.WaitForQuota => TaskStep.Allocate,
        TaskStep.WaitForCapacity => TaskStep.Create,
        _ => step,
    };

    /// <summary>Whether the task is waiting for a timer and must not run yet.</summary>
    public static bool IsBackoff(TaskStep step) => step is TaskStep.CreateBackoff or TaskStep.DeleteBackoff;

    /// <summary>Whether the task is in (or waiting to retry) its Delete.</summary>
    public static bool IsDeleting(TaskStep step) => step is TaskStep.Delete or TaskStep.DeleteBackoff;

    /// <summary>How an interrupted task ends: abort wins over the deadline.</summary>
    /// <param name="interrupt">A set interrupt.</param>
    /// <param name="deadline">The task's deadline, for the time-out message.</param>
    /// <returns>The final phase, the final state and the reason given to Delete.</returns>
    public static (PhaseInfo Phase, PluginState State, DeleteReason Reason) Outcome(TaskInterrupt interrupt, DateTimeOffset? deadline) =>
        (interrupt & TaskInterrupt.Abort) != 0
            ? (PhaseInfo.Aborted(HostReasons.Aborted), PluginState.Aborted, DeleteReason.Aborted)
            : (PhaseInfo.RetryableFailure(HostReasons.TimeoutExpired, $"The task did not finish before its deadline {deadline:O}."), PluginState.UserFailure, DeleteReason.TimeoutExpired);

    /// <summary>The state of a task that ended with <paramref name="phase"/>, a terminal phase.</summary>
    public static PluginState FinalState(PhaseInfo phase) => phase.Phase switch
    {
        TaskPhase.Success => PluginState.Succeeded,
        TaskPhase.Aborted => PluginState.Aborted,
        _ => phase.Error?.Kind == ExecutionErrorKind.System ? PluginState.SystemFailure : PluginState.UserFailure,
    };
}
