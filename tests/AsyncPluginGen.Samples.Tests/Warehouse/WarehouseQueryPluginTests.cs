using System.Globalization;
using System.Net;
using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Warehouse;
using AsyncPluginGen.Samples.Tests.Infrastructure;
using AsyncPluginGen.Samples.Warehouse;
using static AsyncPluginGen.Samples.Tests.Warehouse.WarehouseTestKit;

namespace AsyncPluginGen.Samples.Tests.Warehouse;

/// <summary>The plugin driven by <see cref="PluginHost"/> against the fake BigQuery, end to end.</summary>
public sealed class WarehouseQueryPluginTests
{
    [Fact]
    public async Task A_query_succeeds_as_one_job_named_after_the_task_in_the_requested_project()
    {
        await using var harness = await StartAsync(Instant());
        var task = Query("n0", "SELECT COUNT(*) FROM sales", projectId: "analytics-prod");

        var result = await SampleHarness<WarehouseService>.CompletedAsync(harness.Host.Submit(task));

        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
        var meta = Assert.IsType<BigQueryJobReference>(result.ResourceMeta);
        Assert.Equal(new BigQueryJobReference("analytics-prod", WarehouseQueryPlugin.KeyFor(task)), meta);
        Assert.Equal(BigQueryJobStates.Done, Assert.IsType<BigQueryJob>(result.Resource).Status.State);
        var job = Assert.Single(harness.Service.Ledger.Jobs());
        Assert.Equal(WarehouseQueryPlugin.KeyFor(task), job.Key);
        Assert.Equal(RemoteJobState.Succeeded, job.State);
    }

    [Fact]
    public async Task A_failed_query_is_a_permanent_user_failure_with_bigquerys_message()
    {
        await using var harness = await StartAsync(Instant(jobFailureRate: 1));

        var result = await SampleHarness<WarehouseService>.CompletedAsync(harness.Host.Submit(Query("n0")));

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        var error = Assert.NotNull(result.Phase.Error);
        Assert.Equal("QueryFailed", error.Code);
        Assert.Equal(ExecutionErrorKind.User, error.Kind);
        Assert.Equal(harness.Service.Ledger.Jobs()[0].FailureMessage, error.Message);
    }

    [Theory]
    [InlineData(true, TaskPhase.Queued)]
    [InlineData(false, TaskPhase.Running)]
    public async Task Aborting_a_live_task_cancels_its_job(bool pending, TaskPhase livePhase)
    {
        await using var harness = await StartAsync(LongRunning(pending));
        var task = Query("n0");
        var handle = harness.Host.Submit(task);
        await WaitForAsync(handle, e => e.State == PluginState.ResourcesCreated && e.Phase.Phase == livePhase);

        Assert.True(handle.Abort());
        var result = await SampleHarness<WarehouseService>.CompletedAsync(handle);

        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        Assert.Equal(RemoteJobState.Stopped, harness.Service.Ledger.FindByKey(WarehouseQueryPlugin.KeyFor(task))!.State);
        var report = harness.Service.Reconcile([new(WarehouseQueryPlugin.KeyFor(task), VerdictOf(result))]);
        Assert.Equal((0, 0), (report.Leaked, report.Lost));
    }

    [Fact]
    public async Task Create_adopts_the_job_an_earlier_attempt_inserted_instead_of_failing_on_409()
    {
        await using var harness = await StartAsync(Instant());
        var task = Query("n0");
        // What a Create whose response was lost leaves behind: the job exists, and the host will call Create again.
        using var earlier = InsertBody(WarehouseQueryPlugin.KeyFor(task));
        using var inserted = await harness.Http.PostAsync($"bigquery/v2/projects/{Project}/jobs", earlier);
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);

        var result = await SampleHarness<WarehouseService>.CompletedAsync(harness.Host.Submit(task));

        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
        Assert.Single(harness.Service.Ledger.Jobs());
        var calls = harness.Service.GetStats().Calls;
        Assert.Equal((2, 1), (calls[FakeEndpoint.Create], calls[FakeEndpoint.Get]));
    }

    [Fact]
    public async Task Under_injected_faults_every_task_ends_and_the_service_finds_no_leak_and_no_lost_task()
    {
        const int Tasks = 40;
        var options = new FakeServiceOptions
        {
            Seed = 7,
            FaultRate = 0.2,
            JobFailureRate = 0.1,
            PendingDuration = TimeSpan.Zero,
            MinJobDuration = TimeSpan.Zero,
            MaxJobDuration = TimeSpan.FromSeconds(2),
            MinLatency = TimeSpan.Zero,
            MaxLatency = TimeSpan.FromMilliseconds(5),
        };
        // Jobs that outlive the insert are polled: at the shortest resync Flyte allows, so Get meets faults too.
        var hostOptions = SampleHarness<WarehouseService>.FastHostOptions();
        hostOptions.Plugins[nameof(WarehouseQueryPlugin)] = new PluginConfigOverride { ResyncInterval = TimeSpan.FromSeconds(5) };
        await using var harness = await StartAsync(options, hostOptions);
        var tasks = Enumerable.Range(0, Tasks).Select(i => Query("n" + i.ToString(CultureInfo.InvariantCulture))).ToArray();

        var handles = tasks.Select(t => harness.Host.Submit(t)).ToArray();
        var results = await Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(TimeSpan.FromSeconds(90));

        var report = harness.Service.Reconcile(tasks.Zip(results, (t, r) => new ClientTaskOutcome(WarehouseQueryPlugin.KeyFor(t), VerdictOf(r))));
        Assert.True(report.Leaked == 0 && report.Lost == 0, string.Join(Environment.NewLine, report.Problems));
        Assert.Equal(Tasks, report.JobsCreated);
        var stats = harness.Service.GetStats();
        Assert.True(stats.Faults.Values.Sum() > 0, "no fault was injected: the test proved nothing");
        Assert.True(stats.Calls[FakeEndpoint.Get] > 0, "no job was polled: Get never met a fault");
        Assert.Contains(results, r => r.Phase.Phase == TaskPhase.Success);
    }

    [Theory]
    [InlineData("""{}""", "'query'")]
    [InlineData("""{"query":"  "}""", "'query'")]
    [InlineData("""{"query":42}""", "$.query")]
    [InlineData("""{"query":"SELECT 1","projectId":"Not A Project"}""", "'projectId'")]
    [InlineData("""["SELECT 1"]""", "JSON object")]
    public async Task Bad_inputs_fail_the_task_naming_the_field_and_start_no_job(string inputs, string named)
    {
        await using var harness = await StartAsync(Instant());
        using var document = JsonDocument.Parse(inputs);
        var task = WithInputs("n0", document.RootElement.Clone());

        var result = await SampleHarness<WarehouseService>.CompletedAsync(harness.Host.Submit(task));

        Assert.True(result.Phase.Phase is TaskPhase.RetryableFailure or TaskPhase.PermanentFailure, result.Phase.ToString());
        var message = Assert.NotNull(result.Phase.Error).Message;
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Contains(task.UniqueName, message, StringComparison.Ordinal);
        Assert.Empty(harness.Service.Ledger.Jobs());
        Assert.Equal(0, harness.Service.GetStats().Calls[FakeEndpoint.Create]);
    }
}
