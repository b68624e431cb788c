using System.Net;
using System.Text;
using AsyncPluginGen.Samples.Notebooks;

namespace AsyncPluginGen.Samples.Tests.Notebooks;

/// <summary>
/// The handwritten Status of the notebook plugin, called as the host calls it (through the generated
/// <see cref="IAsyncPlugin{TMeta, TResource}"/>): every Databricks state maps to the right phase, and no call allocates.
/// </summary>
public sealed class NotebookRunStatusTests
{
    private static readonly TaskContext AnyTask = new(NotebookRunPlugin.TaskType, new TaskExecutionId("analytics", "development", "exec", "n0"));

    public static TheoryData<RunLifeCycleState, RunResultState?, string?, TaskPhase, string?, string?> States => new()
    {
        { RunLifeCycleState.Queued, null, "Queued: max concurrent runs", TaskPhase.Queued, null, "Queued: max concurrent runs" },
        { RunLifeCycleState.Blocked, null, null, TaskPhase.Queued, null, null },
        { RunLifeCycleState.Pending, null, "Waiting for cluster", TaskPhase.Initializing, null, "Waiting for cluster" },
        { RunLifeCycleState.Running, null, "In run", TaskPhase.Running, null, "In run" },
        { RunLifeCycleState.Terminating, null, null, TaskPhase.Running, null, null },
        { RunLifeCycleState.WaitingForRetry, null, null, TaskPhase.Running, null, null },
        { RunLifeCycleState.Terminated, RunResultState.Success, "", TaskPhase.Success, null, null },
        { RunLifeCycleState.Terminated, RunResultState.Failed, "NameError: x", TaskPhase.PermanentFailure, NotebookRunPlugin.RunFailedCode, "NameError: x" },
        { RunLifeCycleState.Terminated, RunResultState.Failed, "", TaskPhase.PermanentFailure, NotebookRunPlugin.RunFailedCode, "The notebook failed; see the run page for its output." },
        { RunLifeCycleState.Terminated, RunResultState.TimedOut, "Timed out", TaskPhase.RetryableFailure, NotebookRunPlugin.RunTimedOutCode, "Timed out" },
        { RunLifeCycleState.Terminated, RunResultState.Canceled, "Run cancelled", TaskPhase.Aborted, null, "Run cancelled" },
        { RunLifeCycleState.Terminated, RunResultState.Unknown, "new result", TaskPhase.PermanentFailure, NotebookRunPlugin.UnknownResultCode, "new result" },
        { RunLifeCycleState.Terminated, null, null, TaskPhase.PermanentFailure, NotebookRunPlugin.UnknownResultCode, "The run terminated with a result this plugin does not know." },
        { RunLifeCycleState.Skipped, null, "Skipped", TaskPhase.PermanentFailure, NotebookRunPlugin.RunSkippedCode, "Skipped" },
        { RunLifeCycleState.InternalError, null, "Cluster lost", TaskPhase.RetryableFailure, NotebookRunPlugin.InternalErrorCode, "Cluster lost" },
        { RunLifeCycleState.Unknown, null, "new state", TaskPhase.Running, null, "new state" },
        { RunLifeCycleState.Unknown, RunResultState.Success, null, TaskPhase.Success, null, null },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void Each_databricks_state_maps_to_its_phase(RunLifeCycleState lifeCycle, RunResultState? result, string? message, TaskPhase phase, string? code, string? reason)
    {
        var info = Status(new Run(1, "r", new RunState(lifeCycle, result, message), null));

        Assert.Equal(phase, info.Phase);
        Assert.Equal(code, info.Error?.Code);
        Assert.Equal(reason, info.Reason);
    }

    [Fact]
    public void Failures_are_blamed_on_the_notebook_or_on_databricks()
    {
        Assert.Equal(ExecutionErrorKind.User, Status(Terminated(RunResultState.Failed)).Error?.Kind);
        Assert.Equal(ExecutionErrorKind.System, Status(new Run(1, "r", new RunState(RunLifeCycleState.InternalError), null)).Error?.Kind);
    }

    [Fact]
    public void Status_allocates_nothing_for_any_state()
    {
        IAsyncPlugin<NotebookRunRef, Run> plugin = Plugin();
        var contexts = States
            .Select(row => new StatusContext<NotebookRunRef, Run>(AnyTask, new NotebookRunRef(1), new Run(1, "r", new RunState((RunLifeCycleState)row[0], (RunResultState?)row[1], (string?)row[2]), null)))
            .Append(new StatusContext<NotebookRunRef, Run>(AnyTask, new NotebookRunRef(1), new Run(1, "r", null, null)))
            .ToArray();
        const int CallsPerState = 10_000;
        var phases = new int[16];
        for (var i = 0; i < CallsPerState; i++)
        {
            foreach (ref readonly var context in contexts.AsSpan())
            {
                phases[(int)plugin.Status(in context).Phase]++;
            }
        }

        Array.Clear(phases);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < CallsPerState; i++)
        {
            foreach (ref readonly var context in contexts.AsSpan())
            {
                phases[(int)plugin.Status(in context).Phase]++;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(CallsPerState * contexts.Length, phases.Sum());
        Assert.True(phases.Count(n => n > 0) >= 6, "the contexts did not exercise the mapping");
    }

    [Theory]
    [InlineData("""{"run_id":7,"state":{"life_cycle_state":"RUNNING","state_message":"In run"}}""", RunLifeCycleState.Running, null)]
    [InlineData("""{"run_id":7,"state":{"life_cycle_state":"TERMINATED","result_state":"TIMEDOUT"}}""", RunLifeCycleState.Terminated, RunResultState.TimedOut)]
    [InlineData("""{"run_id":7,"state":{"life_cycle_state":"WAITING_FOR_RETRY"}}""", RunLifeCycleState.WaitingForRetry, null)]
    [InlineData("""{"run_id":7,"state":{"life_cycle_state":"PAUSED_BY_ADMIN"}}""", RunLifeCycleState.Unknown, null)]
    [InlineData("""{"run_id":7,"state":{"life_cycle_state":"TERMINATED","result_state":"SUCCESS_WITH_FAILURES"}}""", RunLifeCycleState.Terminated, RunResultState.Unknown)]
    public async Task The_client_reads_databricks_state_names_and_does_not_fail_on_new_ones(string json, RunLifeCycleState lifeCycle, RunResultState? result)
    {
        using var http = new HttpClient(new CannedResponse(json)) { BaseAddress = new Uri("https://workspace.example/") };

        var run = await new NotebookClient(http).GetRunAsync(7);

        Assert.Equal(7, run.RunId);
        Assert.Equal(lifeCycle, run.State?.LifeCycleState);
        Assert.Equal(result, run.State?.ResultState);
    }

    private static NotebookRunPlugin Plugin() => new(new NotebookClient(new HttpClient()));

    private static PhaseInfo Status(Run run)
    {
        IAsyncPlugin<NotebookRunRef, Run> plugin = Plugin();
        return plugin.Status(new StatusContext<NotebookRunRef, Run>(AnyTask, new NotebookRunRef(run.RunId), run));
    }

    private static Run Terminated(RunResultState result) => new(1, "r", new RunState(RunLifeCycleState.Terminated, result, "m"), null);

    private sealed class CannedResponse(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
