namespace AsyncPluginGen.Hosting.Tests;

/// <summary>The engine's pure transition function, on its own.</summary>
public sealed class TaskStepTests
{
    public static TheoryData<string, string, bool, bool, string> Table => new()
    {
        // Undisturbed: each step runs itself; parked tasks try their gate again; backoffs wait for their timer.
        { "Allocate", "None", true, false, "Allocate" },
        { "WaitForQuota", "None", true, false, "Allocate" },
        { "Create", "None", true, false, "Create" },
        { "WaitForCapacity", "None", true, false, "Create" },
        { "CreateBackoff", "None", false, true, "CreateBackoff" },
        { "CreateBackoff", "None", true, true, "Create" },
        { "Poll", "None", true, true, "Poll" },
        { "Delete", "None", true, true, "Delete" },
        { "DeleteBackoff", "None", false, true, "DeleteBackoff" },
        { "DeleteBackoff", "None", true, true, "Delete" },
        { "Finished", "Abort", true, true, "Finished" },

        // Interrupted: no job, the task ends at once; a job that may exist is deleted first; a backoff of Create is cut short.
        { "Allocate", "Abort", true, false, "Finished" },
        { "WaitForQuota", "Timeout", true, false, "Finished" },
        { "WaitForCapacity", "Abort", true, false, "Finished" },
        { "CreateBackoff", "Abort", false, false, "Finished" },
        { "CreateBackoff", "Abort", false, true, "Delete" },
        { "Create", "Timeout", true, true, "Delete" },
        { "Poll", "Abort, Timeout", true, true, "Delete" },

        // A Delete is never cut short, not even its backoff: repeated aborts must not burn the Delete retries.
        { "DeleteBackoff", "Abort", false, true, "DeleteBackoff" },
        { "Delete", "Abort", false, true, "Delete" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Next_FollowsTheTable(string step, string interrupt, bool retryDue, bool jobMayExist, string expected) =>
        Assert.Equal(Enum.Parse<TaskStep>(expected), TaskSteps.Next(Enum.Parse<TaskStep>(step), Enum.Parse<TaskInterrupt>(interrupt), retryDue, jobMayExist));

    [Fact]
    public void Outcome_AbortWinsOverTheDeadline()
    {
        Assert.Equal((PluginState.Aborted, DeleteReason.Aborted), Pick(TaskSteps.Outcome(TaskInterrupt.Abort | TaskInterrupt.Timeout, null)));
        Assert.Equal((PluginState.UserFailure, DeleteReason.TimeoutExpired), Pick(TaskSteps.Outcome(TaskInterrupt.Timeout, null)));

        static (PluginState, DeleteReason) Pick((PhaseInfo Phase, PluginState State, DeleteReason Reason) outcome) => (outcome.State, outcome.Reason);
    }
}
