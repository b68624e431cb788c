using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Training;
using AsyncPluginGen.Samples.Tests.Infrastructure;
using AsyncPluginGen.Samples.Training;
using Microsoft.Extensions.DependencyInjection;
using static AsyncPluginGen.Samples.Tests.Training.TrainingKit;

namespace AsyncPluginGen.Samples.Tests.Training;

/// <summary>The training-job plugin driven by <see cref="PluginHost"/> against the fake SageMaker.</summary>
public sealed class TrainingJobPluginTests
{
    [Fact]
    public async Task A_job_that_completes_makes_the_task_succeed()
    {
        await using var harness = await StartAsync(Service(Options()));
        var task = JobTask("ok");

        var result = await SampleHarness<TrainingService>.CompletedAsync(harness.Host.Submit(task));

        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
        Assert.Equal(new TrainingJobRef(TrainingJobPlugin.KeyFor(task)), result.ResourceMeta);
        Assert.Equal(TrainingJobStatus.Completed, Assert.IsType<DescribeTrainingJobResponse>(result.Resource).TrainingJobStatus);
        Assert.Equal(RemoteJobState.Succeeded, harness.Service.Ledger.FindByKey(TrainingJobPlugin.KeyFor(task))!.State);
    }

    [Fact]
    public async Task A_failed_job_fails_the_task_permanently_with_SageMakers_FailureReason()
    {
        await using var harness = await StartAsync(Service(Options(jobFailureRate: 1)));

        var result = await SampleHarness<TrainingService>.CompletedAsync(harness.Host.Submit(JobTask("fails")));

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal(PluginState.UserFailure, result.State);
        Assert.Equal("TrainingJobFailed", result.Phase.Error!.Value.Code);
        Assert.StartsWith("AlgorithmError: ", result.Phase.Error.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aborting_a_running_task_stops_its_job()
    {
        await using var harness = await StartAsync(Service(Options(jobDuration: Long)));
        var task = JobTask("aborted");
        var handle = harness.Host.Submit(task);
        await WaitForAsync(handle, phase => phase == TaskPhase.Running);

        Assert.True(handle.Abort());
        var result = await SampleHarness<TrainingService>.CompletedAsync(handle);

        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        Assert.Equal(RemoteJobState.Stopped, harness.Service.Ledger.FindByKey(TrainingJobPlugin.KeyFor(task))!.State);
        var report = harness.Service.Reconcile([new ClientTaskOutcome(TrainingJobPlugin.KeyFor(task), VerdictOf(result))]);
        Assert.Equal((0, 0), (report.Leaked, report.Lost));
    }

    [Fact]
    public async Task Under_faults_and_capacity_errors_every_task_ends_and_nothing_is_leaked_or_lost()
    {
        await using var harness = await StartAsync(Service(Options(faultRate: 0.2, jobFailureRate: 0.2, seed: 7), capacityErrorRate: 0.2));
        var tasks = Enumerable.Range(0, 40).Select(i => JobTask($"faulty-{i}")).ToList();

        var handles = tasks.Select(t => harness.Host.Submit(t)).ToList();
        var results = await Task.WhenAll(handles.Select(h => SampleHarness<TrainingService>.CompletedAsync(h, TimeSpan.FromSeconds(60))));

        var report = harness.Service.Reconcile(tasks.Zip(results, (t, r) => new ClientTaskOutcome(TrainingJobPlugin.KeyFor(t), VerdictOf(r))));
        Assert.True(report.Leaked == 0 && report.Lost == 0, string.Join(Environment.NewLine, report.Problems));
        Assert.All(results, r => Assert.True(r.Phase.IsTerminal));
        Assert.Contains(results, r => r.Phase.Phase == TaskPhase.Success);
        Assert.True(harness.Service.CapacityErrors > 0, "no capacity error was injected: the test does not exercise the retry");
        Assert.True(harness.Service.GetStats().Faults.Values.Sum() > 0, "no fault was injected");
    }

    [Fact]
    public async Task Aborting_long_jobs_under_faults_stops_every_job()
    {
        await using var harness = await StartAsync(Service(Options(jobDuration: Long, faultRate: 0.25, seed: 11), capacityErrorRate: 0.2));
        var tasks = Enumerable.Range(0, 24).Select(i => JobTask($"abort-{i}")).ToList();
        var handles = tasks.Select(t => harness.Host.Submit(t)).ToList();
        await Task.WhenAll(handles.Select(h => WaitForAsync(h, phase => phase == TaskPhase.Running)));

        foreach (var handle in handles)
        {
            handle.Abort();
        }

        var results = await Task.WhenAll(handles.Select(h => SampleHarness<TrainingService>.CompletedAsync(h, TimeSpan.FromSeconds(60))));

        var report = harness.Service.Reconcile(tasks.Zip(results, (t, r) => new ClientTaskOutcome(TrainingJobPlugin.KeyFor(t), VerdictOf(r))));
        Assert.True(report.Leaked == 0 && report.Lost == 0, string.Join(Environment.NewLine, report.Problems));
        Assert.Contains(results, r => r.Phase.Phase == TaskPhase.Aborted);
        Assert.Equal(0, harness.Service.GetStats().LiveJobs);
    }

    [Fact]
    public async Task Gpu_jobs_beyond_the_gpu_quota_wait_while_cpu_jobs_still_start()
    {
        await using var harness = await StartAsync(Service(Options(jobDuration: Long)));
        var gpu = Enumerable.Range(0, 9).Select(i => harness.Host.Submit(JobTask($"gpu-{i}", new TrainingJobInputs(TrainingService.PyTorchImage, "ml.p3.2xlarge")))).ToList();
        var cpu = harness.Host.Submit(JobTask("cpu", new TrainingJobInputs(TrainingService.PyTorchImage, "ml.c5.xlarge")));

        await Task.WhenAll(gpu.Append(cpu).Select(h => WaitForAsync(h, phase => phase is TaskPhase.Running or TaskPhase.WaitingForResources)));

        Assert.Equal(8, gpu.Count(h => h.Phase.Phase == TaskPhase.Running));
        Assert.Equal(TaskPhase.WaitingForResources, Assert.Single(gpu, h => h.Phase.Phase != TaskPhase.Running).Phase.Phase);
        Assert.Equal(TaskPhase.Running, cpu.Phase.Phase);
        foreach (var handle in gpu.Append(cpu))
        {
            handle.Abort();
        }

        await Task.WhenAll(gpu.Append(cpu).Select(h => SampleHarness<TrainingService>.CompletedAsync(h)));
        Assert.Equal(0, harness.Service.GetStats().LiveJobs);
    }

    [Theory]
    [InlineData("""{ "instanceType": "ml.m5.xlarge" }""", "trainingImage")]
    [InlineData("""{ "trainingImage": "img", "instanceType": "m5.xlarge" }""", "instanceType")]
    [InlineData("""{ "trainingImage": "img", "instanceCount": 0 }""", "instanceCount")]
    [InlineData("""{ "trainingImage": "img", "maxRuntimeSeconds": "an hour" }""", "maxRuntimeSeconds")]
    public async Task Bad_inputs_fail_the_task_naming_the_input_and_create_no_job(string inputs, string input)
    {
        await using var harness = await StartAsync(Service(Options()));
        var task = TaskOf(TrainingJobPlugin.TaskType, "bad-" + input, Json(inputs));

        var result = await SampleHarness<TrainingService>.CompletedAsync(harness.Host.Submit(task));

        Assert.True(result.Phase.IsTerminal && result.Phase.Phase != TaskPhase.Success);
        Assert.Contains($"Input '{input}' of task {task.UniqueName}", result.Phase.Error!.Value.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Service.Ledger.Jobs());
    }

    [Fact]
    public async Task Create_is_idempotent_on_the_task_and_Delete_succeeds_on_ended_and_unknown_jobs()
    {
        await using var harness = await StartAsync(Service(Options()));
        var plugin = harness.Services.GetRequiredService<TrainingJobPlugin>();
        var task = JobTask("twice");

        var first = await plugin.CreateAsync(task, CancellationToken.None);
        var second = await plugin.CreateAsync(task, CancellationToken.None);
        await plugin.DeleteAsync(first.Meta, CancellationToken.None);
        await plugin.DeleteAsync(new TrainingJobRef("never-created"), CancellationToken.None);

        Assert.Equal(first.Meta, second.Meta);
        Assert.Single(harness.Service.Ledger.Jobs());
        Assert.Equal(2, harness.Service.GetStats().Calls[FakeEndpoint.Create]);
        Assert.Equal(TrainingJobStatus.Completed, second.Resource!.TrainingJobStatus);
    }
}
