namespace AsyncPluginGen.JobService.Tests;

public sealed class CountersTests
{
    [Fact]
    public async Task Calls_are_counted_per_endpoint()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var job = await client.CreateAsync("a", new JobSpec { DurationMs = 100 }).Bounded();
        await client.CreateAsync("b", new JobSpec { DurationMs = 100 }).Bounded();
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync(job.Id).Bounded();
        }

        await client.CancelAsync(job.Id).Bounded();

        var stats = service.GetStats();
        Assert.Equal(2, stats.CallCount(JobEndpoint.Create));
        Assert.Equal(3, stats.CallCount(JobEndpoint.Get));
        Assert.Equal(1, stats.CallCount(JobEndpoint.Cancel));
    }

    [Fact]
    public async Task Max_requests_per_second_uses_sliding_one_second_windows_of_the_service_clock()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);
        var job = await client.CreateAsync("k", new JobSpec { DurationMs = 60_000 }).Bounded();

        async Task GetsAsync(int n)
        {
            for (var i = 0; i < n; i++)
            {
                await client.GetAsync(job.Id).Bounded();
            }
        }

        await GetsAsync(5);                                // t = 0: 5
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await GetsAsync(3);                                // t = 0.5: window (-0.5, 0.5] holds 8
        clock.Advance(TimeSpan.FromMilliseconds(600));
        await GetsAsync(2);                                // t = 1.1: window (0.1, 1.1] holds 3 + 2 = 5
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await GetsAsync(4);                                // t = 1.5: window (0.5, 1.5] holds 2 + 4 = 6 (0.5 is out)
        clock.Advance(TimeSpan.FromMilliseconds(3_600));
        await GetsAsync(1);                                // t = 5.1: the 5-second window [0.5, 5.5) holds 3 + 2 + 4 + 1 = 10

        var stats = service.GetStats();
        Assert.Equal(8, stats.MaxReadsPerSecond);
        Assert.Equal(14, stats.MaxReadsPer5Seconds);       // [0, 5) holds the first 14; t = 5.1 falls outside it
        Assert.Equal(8, stats.MaxCallsPerSecond[JobEndpoint.Get]);
        Assert.Equal(1, stats.MaxWritesPerSecond);
        Assert.Equal(15, stats.CallCount(JobEndpoint.Get));
    }

    [Fact]
    public async Task Writes_combine_creates_and_cancels()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var a = await client.CreateAsync("a", new JobSpec { DurationMs = 10_000 }).Bounded();
        var b = await client.CreateAsync("b", new JobSpec { DurationMs = 10_000 }).Bounded();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await client.CancelAsync(a.Id).Bounded();
        await client.CancelAsync(b.Id).Bounded();
        await client.CancelAsync("unknown").Bounded();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await client.CreateAsync("c", new JobSpec { DurationMs = 10_000 }).Bounded();

        var stats = service.GetStats();
        Assert.Equal(5, stats.MaxWritesPerSecond);                        // window (-0.001, 0.999]: 2 creates + 3 cancels
        Assert.Equal(3, stats.MaxCallsPerSecond[JobEndpoint.Cancel]);
        Assert.Equal(2, stats.MaxCallsPerSecond[JobEndpoint.Create]);
        Assert.Equal(0, stats.MaxReadsPerSecond);
    }

    [Fact]
    public async Task Live_jobs_and_max_concurrency_follow_the_clock()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        await client.CreateAsync("a", new JobSpec { DurationMs = 1000 }).Bounded();
        var b = await client.CreateAsync("b", new JobSpec { DurationMs = 3000 }).Bounded();
        Assert.Equal(2, service.GetStats().LiveJobs);

        clock.Advance(TimeSpan.FromSeconds(1));                                   // a ends exactly now
        await client.CreateAsync("c", new JobSpec { DurationMs = 1000 }).Bounded();
        var afterC = service.GetStats();
        Assert.Equal(2, afterC.LiveJobs);
        Assert.Equal(2, afterC.MaxConcurrentLiveJobs);                             // [created, ended): a and c never overlap

        await client.CreateAsync("d", new JobSpec { DurationMs = 1000 }).Bounded();
        clock.Advance(TimeSpan.FromMilliseconds(10));                            // b, c and d overlap for 10 ms
        await client.CancelAsync(b.Id).Bounded();
        var afterCancel = service.GetStats();
        Assert.Equal(2, afterCancel.LiveJobs);
        Assert.Equal(3, afterCancel.MaxConcurrentLiveJobs);

        clock.Advance(TimeSpan.FromMilliseconds(990));
        var end = service.GetStats();
        Assert.Equal(0, end.LiveJobs);
        Assert.Equal(3, end.MaxConcurrentLiveJobs);
        Assert.Equal(3, end.FinishedJobs);
        Assert.Equal(1, end.CancelledJobs);
        Assert.Equal(4, end.JobsCreated);
    }

    [Fact]
    public async Task Leaks_are_live_jobs_whose_client_task_has_ended()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);
        await client.CreateAsync("short", new JobSpec { DurationMs = 100 }).Bounded();
        await client.CreateAsync("long", new JobSpec { DurationMs = 60_000 }).Bounded();
        var cancelled = await client.CreateAsync("cancelled", new JobSpec { DurationMs = 60_000 }).Bounded();
        await client.CreateAsync("still-mine", new JobSpec { DurationMs = 60_000 }).Bounded();
        await client.CancelAsync(cancelled.Id).Bounded();
        clock.Advance(TimeSpan.FromSeconds(1));

        var leaks = service.FindLeaks(["short", "long", "cancelled", "never-created"]);

        Assert.Equal("long", Assert.Single(leaks).IdempotencyKey);
        Assert.Equal(2, service.GetStats().LiveJobs);
    }

    [Fact]
    public async Task Counters_stay_consistent_under_concurrent_load()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var work = Enumerable.Range(0, 40).Select(async i =>
        {
            var job = await client.CreateAsync("key-" + (i % 10), new JobSpec { DurationMs = 10_000 });
            await client.GetAsync(job.Id);
            await client.CancelAsync(job.Id);
        });
        await Task.WhenAll(work).Bounded();

        var stats = service.GetStats();
        Assert.Equal(40, stats.CallCount(JobEndpoint.Create));
        Assert.Equal(40, stats.CallCount(JobEndpoint.Get));
        Assert.Equal(40, stats.CallCount(JobEndpoint.Cancel));
        Assert.Equal(10, stats.JobsCreated);
        Assert.Equal(0, stats.DuplicateKeys);
        Assert.Equal(30, stats.IdempotentReplays);
        Assert.Equal(0, stats.LiveJobs);
        Assert.Equal(10, stats.CancelledJobs);
        Assert.Equal(40, stats.MaxReadsPerSecond);                 // the fake clock never moved: one window
        Assert.Equal(80, stats.MaxWritesPerSecond);
    }
}
