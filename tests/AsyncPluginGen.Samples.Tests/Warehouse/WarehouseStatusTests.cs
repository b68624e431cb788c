using AsyncPluginGen.Samples.Warehouse;

namespace AsyncPluginGen.Samples.Tests.Warehouse;

/// <summary>
/// The generated Status over <see cref="BigQueryJob.Outcome"/>: every state BigQuery reports maps to the right phase,
/// and no call allocates.
/// </summary>
public sealed class WarehouseStatusTests
{
    private static readonly TaskContext Task = WarehouseTestKit.Query("n0");
    private static readonly BigQueryJobReference Meta = new(WarehouseTestKit.Project, "q1");

    public static TheoryData<string, string?, TaskPhase, string?, ExecutionErrorKind?> Mappings => new()
    {
        { "PENDING", null, TaskPhase.Queued, null, null },
        { "RUNNING", null, TaskPhase.Running, null, null },
        { "DONE", null, TaskPhase.Success, null, null },
        { "DONE", "invalidQuery", TaskPhase.PermanentFailure, "QueryFailed", ExecutionErrorKind.User },
        { "DONE", "backendError", TaskPhase.RetryableFailure, "BigQueryBackendError", ExecutionErrorKind.System },
        { "DONE", "jobInternalError", TaskPhase.RetryableFailure, "BigQueryBackendError", ExecutionErrorKind.System },
        { "DONE", "stopped", TaskPhase.Aborted, null, null },
        // A state BigQuery might add one day comes before DONE: the task keeps being polled.
        { "SUSPENDED", null, TaskPhase.Running, null, null },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Each_bigquery_state_maps_to_its_phase(string state, string? reason, TaskPhase phase, string? code, ExecutionErrorKind? kind)
    {
        var job = Job(state, reason);

        var info = Plugin().Status(new StatusContext<BigQueryJobReference, BigQueryJob>(Task, Meta, job));

        Assert.Equal(phase, info.Phase);
        Assert.Equal(code, info.Error?.Code);
        Assert.Equal(kind, info.Error?.Kind);
        if (code is not null)
        {
            Assert.Equal(job.Status.ErrorResult!.Message, info.Error!.Value.Message);
        }
    }

    [Fact]
    public void Status_allocates_nothing_for_any_state()
    {
        var plugin = Plugin();
        foreach (var (state, reason) in Mappings.Select(row => ((string)row[0], (string?)row[1])))
        {
            var context = new StatusContext<BigQueryJobReference, BigQueryJob>(Task, Meta, Job(state, reason));
            var phases = 0L;
            for (var i = 0; i < 10_000; i++)
            {
                phases += (long)plugin.Status(in context).Phase;
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100_000; i++)
            {
                phases += (long)plugin.Status(in context).Phase;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, $"Status of {state}/{reason ?? "no error"} allocated {allocated} bytes over 100,000 calls");
            Assert.True(phases > 0);
        }
    }

    // Through the interface the host calls, as the host does; the client is never used by Status.
    private static IAsyncPlugin<BigQueryJobReference, BigQueryJob> Plugin() => new WarehouseQueryPlugin(new WarehouseClient(new HttpClient()));

    private static BigQueryJob Job(string state, string? reason) => new(
        WarehouseTestKit.Project + ":q1",
        new BigQueryJobReference(WarehouseTestKit.Project, "q1"),
        new BigQueryJobStatus(state, reason is null ? null : new BigQueryErrorProto(reason, "the job ended with " + reason)));
}
