using System.Globalization;
using AsyncPluginGen.JobService;
using Xunit.Abstractions;

namespace AsyncPluginGen.Hosting.EndToEndTests;

/// <summary>Create responses lost after the service created the job: the idempotency key, and abort in between.</summary>
public sealed class LostResponseEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static PluginHostOptions HostOptions(RetryPolicy createRetries) => new()
    {
        CreateRetries = createRetries,
        DeleteRetries = new RetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) },
        Plugins =
        {
            [EndToEndHarness.PluginId] = new PluginConfigOverride { ResyncInterval = TimeSpan.FromSeconds(5), WriteBurst = 50, ReadBurst = 50 },
        },
    };

    [Fact]
    public async Task Half_of_all_Create_responses_lost_still_gives_exactly_one_job_per_task()
    {
        await using var harness = await EndToEndHarness.StartAsync(
            new JobServiceOptions { Seed = 3, DroppedResponseProbability = 0.5, FaultEndpoints = JobEndpoints.Create },
            HostOptions(new RetryPolicy { MaxAttempts = 20, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) }),
            httpTimeout: TimeSpan.FromSeconds(5));

        var handles = Enumerable.Range(0, 30)
            .Select(i => harness.Host.Submit(EndToEndHarness.Job("lost", "n" + i.ToString(CultureInfo.InvariantCulture), 200)))
            .ToList();
        var results = await Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(Bound);
        var stats = harness.Service.GetStats();

        output.WriteLine($"tasks 30; lost create responses {stats.FaultCount(FaultKind.DroppedResponse)}; create calls {stats.CallCount(JobEndpoint.Create)}; " +
                         $"jobs {stats.JobsCreated}; duplicates {stats.DuplicateKeys}; replays {stats.IdempotentReplays}");
        Assert.All(results, r => Assert.Equal(TaskPhase.Success, r.Phase.Phase));
        Assert.Equal(30, stats.JobsCreated);
        Assert.Equal(0, stats.DuplicateKeys);
        Assert.True(stats.FaultCount(FaultKind.DroppedResponse) > 0);
        Assert.Equal(stats.FaultCount(FaultKind.DroppedResponse), stats.IdempotentReplays);
        Assert.All(results, r => Assert.Equal(harness.Service.GetJobByKey(r.ExecutionId.GeneratedName)!.Id, ((JobRef)r.ResourceMeta!).Id));
    }

    [Fact]
    public async Task Abort_while_Create_waits_to_retry_after_a_lost_response_still_cancels_the_job()
    {
        var signal = new CreateFailureSignal();
        await using var harness = await EndToEndHarness.StartAsync(
            new JobServiceOptions { DroppedResponseProbability = 1, FaultEndpoints = JobEndpoints.Create, MaxFaults = 1 },
            HostOptions(new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30) }),
            httpTimeout: TimeSpan.FromSeconds(5),
            signal);
        var task = EndToEndHarness.Job("abort-in-backoff", "n0", 60_000);

        var handle = harness.Host.Submit(task);
        await signal.FirstFailure.WaitAsync(Bound);
        var job = harness.Service.GetJobByKey(task.UniqueName);
        Assert.Equal(JobStates.Running, job?.State); // the service created it; the host did not hear back

        Assert.True(handle.Abort());
        var result = await handle.Completion.WaitAsync(Bound);

        output.WriteLine($"task ended {result.Phase} / {result.State}; meta {result.ResourceMeta ?? "none"}; remote job {harness.Service.GetJob(job!.Id)}");
        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        Assert.Equal(JobStates.Cancelled, harness.Service.GetJob(job.Id)!.State);
        Assert.Equal(0, harness.Service.GetStats().LiveJobs);
        Assert.Equal(0, harness.Service.GetStats().DuplicateKeys); // the host found the job again through the idempotency key
    }
}
