using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Notebooks;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Tests.Infrastructure;

namespace AsyncPluginGen.Samples.Tests.Notebooks;

/// <summary>The notebook plugin driven by <see cref="PluginHost"/> against the fake Databricks service.</summary>
public sealed class NotebookRunPluginTests
{
    [Fact]
    public async Task A_notebook_that_completes_ends_in_success_and_submits_what_the_inputs_ask_for()
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Instant());
        var parameters = new Dictionary<string, string> { ["date"] = "2025-01-01" };
        var onCluster = NotebookTestKit.Task("n0", new NotebookRunInputs("/Shared/etl/daily", parameters, ClusterId: "0101-abc"));
        var onJobCluster = NotebookTestKit.Task("n1", new NotebookRunInputs("/Shared/etl/daily"));

        var results = await Task.WhenAll(
            SampleHarness<NotebookService>.CompletedAsync(harness.Host.Submit(onCluster)),
            SampleHarness<NotebookService>.CompletedAsync(harness.Host.Submit(onJobCluster)));

        Assert.All(results, r => Assert.Equal(TaskPhase.Success, r.Phase.Phase));
        var meta = Assert.IsType<NotebookRunRef>(results[0].ResourceMeta);
        var job = harness.Service.FindRun(meta.RunId);
        Assert.Equal(NotebookRunPlugin.KeyFor(onCluster), job?.Key);
        var submitted = Assert.IsType<RunsSubmitBody>(job?.Payload);
        Assert.Equal(onCluster.UniqueName, submitted.RunName);
        var task = Assert.Single(submitted.Tasks!);
        Assert.Equal("/Shared/etl/daily", task.NotebookTask?.NotebookPath);
        Assert.Equal(parameters, task.NotebookTask?.BaseParameters);
        Assert.Equal("0101-abc", task.ExistingClusterId);
        Assert.Null(task.NewCluster);

        var jobCluster = Assert.Single(Assert.IsType<RunsSubmitBody>(harness.Service.Ledger.FindByKey(NotebookRunPlugin.KeyFor(onJobCluster))?.Payload).Tasks!);
        Assert.Null(jobCluster.ExistingClusterId);
        Assert.NotNull(jobCluster.NewCluster);
    }

    [Fact]
    public async Task A_failed_notebook_is_a_permanent_failure_with_the_run_s_state_message()
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Instant(jobFailureRate: 1));
        var task = NotebookTestKit.Task("n0", new NotebookRunInputs("/Shared/etl/daily"));

        var result = await SampleHarness<NotebookService>.CompletedAsync(harness.Host.Submit(task));

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Equal(NotebookRunPlugin.RunFailedCode, result.Phase.Error?.Code);
        Assert.Equal(harness.Service.Ledger.FindByKey(NotebookRunPlugin.KeyFor(task))?.FailureMessage, result.Phase.Error?.Message);
    }

    [Fact]
    public async Task Aborting_a_running_notebook_cancels_its_run_and_ends_the_task_aborted()
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Endless());
        var task = NotebookTestKit.Task("n0", new NotebookRunInputs("/Shared/etl/daily"));
        var handle = harness.Host.Submit(task);
        await NotebookTestKit.CreatedAsync(handle);
        Assert.Equal(TaskPhase.Running, handle.Phase.Phase);

        Assert.True(handle.Abort());
        var result = await SampleHarness<NotebookService>.CompletedAsync(handle);

        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        Assert.Equal(RemoteJobState.Stopped, harness.Service.Ledger.FindByKey(NotebookRunPlugin.KeyFor(task))?.State);
        Assert.Equal(1, harness.Service.GetStats().Calls[FakeEndpoint.Cancel]);
    }

    [Fact]
    public async Task A_pending_run_reports_initializing_with_databricks_message()
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Endless(pending: TimeSpan.FromHours(1)));
        var handle = harness.Host.Submit(NotebookTestKit.Task("n0", new NotebookRunInputs("/Shared/etl/daily")));

        await NotebookTestKit.CreatedAsync(handle);

        Assert.Equal(TaskPhase.Initializing, handle.Phase.Phase);
        Assert.Equal("Waiting for cluster", handle.Phase.Reason);
        handle.Abort();
        await SampleHarness<NotebookService>.CompletedAsync(handle);
    }

    [Fact]
    public async Task Submitting_the_same_attempt_again_finds_its_run_instead_of_starting_another()
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Instant());
        var task = NotebookTestKit.Task("n0", new NotebookRunInputs("/Shared/etl/daily"));

        var first = await SampleHarness<NotebookService>.CompletedAsync(harness.Host.Submit(task));
        var second = await SampleHarness<NotebookService>.CompletedAsync(harness.Host.Submit(task));

        Assert.Equal(first.ResourceMeta, second.ResourceMeta);
        Assert.Equal(1, harness.Service.GetStats().JobsCreated);
        Assert.Equal(2, harness.Service.GetStats().Calls[FakeEndpoint.Create]);
    }

    [Fact]
    public async Task A_unique_name_longer_than_databricks_allows_gets_a_stable_64_character_token()
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Instant());
        var longExecution = new string('x', 80);
        var task = NotebookTestKit.Task("n0", new NotebookRunInputs("/Shared/etl/daily"), longExecution);
        var sibling = NotebookTestKit.Task("n1", new NotebookRunInputs("/Shared/etl/daily"), longExecution);

        var result = await SampleHarness<NotebookService>.CompletedAsync(harness.Host.Submit(task));

        var key = NotebookRunPlugin.KeyFor(task);
        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
        Assert.Equal(NotebookRunPlugin.MaxIdempotencyTokenLength, key.Length);
        Assert.StartsWith(task.UniqueName[..20], key, StringComparison.Ordinal);
        Assert.Equal(key, NotebookRunPlugin.KeyFor(NotebookTestKit.Task("n0", new NotebookRunInputs("/other"), longExecution)));
        Assert.NotEqual(key, NotebookRunPlugin.KeyFor(sibling));
        Assert.NotNull(harness.Service.Ledger.FindByKey(key));
        Assert.Equal("analytics-development-exec-n0-0", NotebookRunPlugin.KeyFor(NotebookTestKit.Task("n0", new NotebookRunInputs("/x"))));
    }

    [Theory]
    [InlineData("""{"parameters":{"date":"2025-01-01"}}""", "input 'notebookPath'")]
    [InlineData("""{"notebookPath":"Shared/etl"}""", "input 'notebookPath'")]
    [InlineData("""{"notebookPath":42}""", "input 'notebookPath'")]
    [InlineData("""{"notebookPath":"/Shared/etl","parameters":{"limit":10}}""", "input 'parameters.limit'")]
    [InlineData("""{"notebookPath":"/Shared/etl","parameters":["a"]}""", "input 'parameters'")]
    [InlineData("""{"notebookPath":"/Shared/etl","clusterID":"0101-abc"}""", "input 'clusterID'")]
    [InlineData("""{"notebookPath":"/Shared/etl","clusterId":""}""", "input 'clusterId'")]
    [InlineData("""["/Shared/etl"]""", "the inputs must be a JSON object")]
    public async Task Bad_inputs_fail_the_task_naming_the_field_without_calling_databricks(string inputs, string expected)
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Instant());
        using var json = JsonDocument.Parse(inputs);
        var task = NotebookTestKit.Task("n0", json.RootElement.Clone());

        var result = await SampleHarness<NotebookService>.CompletedAsync(harness.Host.Submit(task));

        Assert.True(result.Phase.Phase is TaskPhase.PermanentFailure or TaskPhase.RetryableFailure, result.Phase.ToString());
        Assert.Contains(expected, result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Contains(task.UniqueName, result.Phase.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Service.GetStats().Calls[FakeEndpoint.Create]);
    }
}
