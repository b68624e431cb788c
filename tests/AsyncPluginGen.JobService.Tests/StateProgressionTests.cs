using System.Net;
using System.Text.Json;

namespace AsyncPluginGen.JobService.Tests;

public sealed class StateProgressionTests
{
    [Fact]
    public async Task Job_goes_pending_running_done_with_the_clock()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock, PendingDuration = TimeSpan.FromSeconds(1) }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);
        var output = JsonDocument.Parse("""{"rows": 3}""").RootElement;

        var created = await client.CreateAsync("k", new JobSpec { DurationMs = 2000, Output = output }).Bounded();
        Assert.Equal(JobStates.Pending, created.State);
        Assert.Null(created.Output);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(JobStates.Pending, (await client.GetAsync(created.Id).Bounded()).State);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(JobStates.Running, (await client.GetAsync(created.Id).Bounded()).State);

        clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Equal(JobStates.Running, (await client.GetAsync(created.Id).Bounded()).State);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var done = await client.GetAsync(created.Id).Bounded();
        Assert.Equal(JobStates.Done, done.State);
        Assert.Null(done.Error);
        Assert.Equal(3, done.Output!.Value.GetProperty("rows").GetInt32());

        var snapshot = service.GetJob(created.Id)!;
        Assert.Equal(JobStates.Done, snapshot.State);
        Assert.Equal(clock.GetUtcNow(), snapshot.EndedAt);
    }

    [Fact]
    public async Task Failing_job_ends_failed_with_its_error()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var created = await client.CreateAsync("k", new JobSpec { DurationMs = 500, Fail = true, Error = "disk full" }).Bounded();
        Assert.Equal(JobStates.Running, created.State);

        clock.Advance(TimeSpan.FromMilliseconds(500));
        var failed = await client.GetAsync(created.Id).Bounded();
        Assert.Equal(JobStates.Failed, failed.State);
        Assert.Equal("disk full", failed.Error);
    }

    [Fact]
    public async Task Zero_duration_job_is_done_at_once()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var created = await client.CreateAsync("k", new JobSpec()).Bounded();

        Assert.Equal(JobStates.Done, created.State);
        Assert.Equal(0, service.GetStats().LiveJobs);
    }

    [Fact]
    public async Task Unknown_job_is_404()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var error = await Assert.ThrowsAsync<JobServiceException>(() => client.GetAsync("job-999999")).Bounded();

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Contains("job-999999", error.Message, StringComparison.Ordinal);
    }
}
