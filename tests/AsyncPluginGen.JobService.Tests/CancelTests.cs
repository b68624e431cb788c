using System.Net;

namespace AsyncPluginGen.JobService.Tests;

public sealed class CancelTests
{
    [Fact]
    public async Task Cancel_stops_a_running_job_for_good_and_is_idempotent()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);
        var job = await client.CreateAsync("k", new JobSpec { DurationMs = 10_000 }).Bounded();

        clock.Advance(TimeSpan.FromSeconds(1));
        var cancelled = await client.CancelAsync(job.Id).Bounded();
        var again = await client.CancelAsync(job.Id).Bounded();
        clock.Advance(TimeSpan.FromSeconds(30));
        var later = await client.GetAsync(job.Id).Bounded();

        Assert.Equal(JobStates.Cancelled, cancelled!.State);
        Assert.Equal(JobStates.Cancelled, again!.State);
        Assert.Equal(JobStates.Cancelled, later.State);
        var snapshot = service.GetJob(job.Id)!;
        Assert.Equal(2, snapshot.CancelRequests);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromSeconds(30), snapshot.EndedAt);
        var stats = service.GetStats();
        Assert.Equal(0, stats.LiveJobs);
        Assert.Equal(1, stats.CancelledJobs);
    }

    [Fact]
    public async Task Cancel_of_a_pending_job_cancels_it()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock, PendingDuration = TimeSpan.FromSeconds(5) }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);
        var job = await client.CreateAsync("k", new JobSpec { DurationMs = 1000 }).Bounded();

        var cancelled = await client.CancelAsync(job.Id).Bounded();

        Assert.Equal(JobStates.Cancelled, cancelled!.State);
    }

    [Fact]
    public async Task Cancel_of_an_ended_job_answers_200_and_changes_nothing()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);
        var done = await client.CreateAsync("done", new JobSpec { DurationMs = 100 }).Bounded();
        var failed = await client.CreateAsync("failed", new JobSpec { DurationMs = 100, Fail = true }).Bounded();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        using var raw = await http.PostAsync(new Uri($"jobs/{done.Id}/cancel", UriKind.Relative), null).Bounded();
        var failedAfter = await client.CancelAsync(failed.Id).Bounded();

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal(JobStates.Done, (await client.GetAsync(done.Id).Bounded()).State);
        Assert.Equal(JobStates.Failed, failedAfter!.State);
        Assert.Equal(0, service.GetStats().CancelledJobs);
    }

    [Fact]
    public async Task Cancel_of_an_unknown_job_is_404()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();

        using var raw = await http.PostAsync(new Uri("jobs/nope/cancel", UriKind.Relative), null).Bounded();
        var viaClient = await new JobClient(http).CancelAsync("nope").Bounded();

        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        Assert.Null(viaClient);
        Assert.Equal(2, service.GetStats().CallCount(JobEndpoint.Cancel));
    }
}
