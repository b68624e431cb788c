using System.Net;

namespace AsyncPluginGen.JobService.Tests;

public sealed class FaultInjectionTests
{
    private static readonly JobSpec Spec = new() { DurationMs = 1000 };

    [Fact]
    public async Task Server_error_answers_500_without_creating_the_job()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create(), ServerErrorProbability = 1 }).Bounded();
        using var http = service.CreateHttpClient();

        var error = await Assert.ThrowsAsync<JobServiceException>(() => new JobClient(http).CreateAsync("k", Spec)).Bounded();

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.True(error.IsTransient);
        var stats = service.GetStats();
        Assert.Equal(0, stats.JobsCreated);
        Assert.Equal(1, stats.FaultCount(FaultKind.ServerError));
        Assert.Equal(1, stats.TotalFaults);
    }

    [Fact]
    public async Task Too_many_requests_answers_429_with_retry_after()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions
        {
            Time = TestClock.Create(),
            TooManyRequestsProbability = 1,
            RetryAfter = TimeSpan.FromMilliseconds(1500),
        }).Bounded();
        using var http = service.CreateHttpClient();

        var error = await Assert.ThrowsAsync<JobServiceException>(() => new JobClient(http).CreateAsync("k", Spec)).Bounded();

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.True(error.IsTransient);
        Assert.Equal(0, service.GetStats().JobsCreated);
        Assert.Equal(1, service.GetStats().FaultCount(FaultKind.TooManyRequests));
    }

    [Fact]
    public async Task Timeout_creates_the_job_then_holds_the_response_on_the_service_clock()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions
        {
            Time = clock,
            TimeoutProbability = 1,
            TimeoutHold = TimeSpan.FromSeconds(30),
        }).Bounded();
        using var http = service.CreateHttpClient();

        var pending = new JobClient(http).CreateAsync("k", Spec);
        await service.WaitForHeldRequestsAsync(1).Bounded();

        Assert.False(pending.IsCompleted);
        Assert.NotNull(service.GetJobByKey("k"));
        Assert.Equal(1, service.GetStats().FaultCount(FaultKind.Timeout));

        clock.Advance(TimeSpan.FromSeconds(30));
        var late = await pending.Bounded();
        Assert.Equal(service.GetJobByKey("k")!.Id, late.Id);
        Assert.Equal(0, service.HeldRequests);
    }

    [Fact]
    public async Task Timeout_outlasts_the_clients_timeout()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions
        {
            Time = TestClock.Create(),
            TimeoutProbability = 1,
            FaultEndpoints = JobEndpoints.Get,
        }).Bounded();
        using var setup = service.CreateHttpClient();
        var job = await new JobClient(setup).CreateAsync("k", Spec).Bounded();
        using var impatient = service.CreateHttpClient(TimeSpan.FromMilliseconds(250));

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => new JobClient(impatient).GetAsync(job.Id)).Bounded();

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(1, service.GetStats().FaultCount(FaultKind.Timeout));
        Assert.Equal(0, service.GetStats().FaultCount(FaultKind.ServerError));
    }

    [Fact]
    public async Task Dropped_response_creates_the_job_but_the_client_sees_an_io_error()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create(), DroppedResponseProbability = 1 }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var first = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.CreateAsync("k", Spec)).Bounded();
        var retry = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.CreateAsync("k", Spec)).Bounded();

        Assert.IsNotType<JobServiceException>(first);
        Assert.Null(first.StatusCode);
        Assert.IsNotType<JobServiceException>(retry);
        var stats = service.GetStats();
        Assert.Equal(1, stats.JobsCreated);
        Assert.Equal(JobStates.Running, service.GetJobByKey("k")!.State);
        Assert.Equal(0, stats.DuplicateKeys);
        Assert.Equal(2, stats.FaultCount(FaultKind.DroppedResponse));
        // The client's handler did not resend the request on its own: the service saw exactly the two calls made.
        Assert.Equal(2, stats.CallCount(JobEndpoint.Create));
        Assert.Equal(2, stats.CreateRequestsPerKey["k"]);
    }

    [Fact]
    public async Task Dropped_response_as_503_creates_the_job()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions
        {
            Time = TestClock.Create(),
            DroppedResponseProbability = 1,
            DroppedResponseMode = DroppedResponseMode.ServiceUnavailable,
        }).Bounded();
        using var http = service.CreateHttpClient();

        var error = await Assert.ThrowsAsync<JobServiceException>(() => new JobClient(http).CreateAsync("k", Spec)).Bounded();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(1, service.GetStats().JobsCreated);
        Assert.Equal(1, service.GetStats().FaultCount(FaultKind.DroppedResponse));
    }

    [Fact]
    public async Task Dropped_response_applies_to_create_only()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions
        {
            Time = TestClock.Create(),
            DroppedResponseProbability = 1,
            DroppedResponseMode = DroppedResponseMode.ServiceUnavailable,
        }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);
        await Assert.ThrowsAsync<JobServiceException>(() => client.CreateAsync("k", Spec)).Bounded();
        var id = service.GetJobByKey("k")!.Id;

        Assert.Equal(JobStates.Running, (await client.GetAsync(id).Bounded()).State);
        Assert.Equal(JobStates.Cancelled, (await client.CancelAsync(id).Bounded())!.State);
    }

    [Fact]
    public async Task Fault_endpoints_limit_where_faults_apply()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions
        {
            Time = TestClock.Create(),
            ServerErrorProbability = 1,
            FaultEndpoints = JobEndpoints.Cancel,
        }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var job = await client.CreateAsync("k", Spec).Bounded();
        await client.GetAsync(job.Id).Bounded();
        await Assert.ThrowsAsync<JobServiceException>(() => client.CancelAsync(job.Id)).Bounded();

        Assert.Equal(JobStates.Running, service.GetJob(job.Id)!.State);
        Assert.Equal(1, service.GetStats().TotalFaults);
    }

    [Fact]
    public async Task Latency_delays_every_request_on_the_service_clock()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock, Latency = TimeSpan.FromMilliseconds(200) }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var create = client.CreateAsync("k", new JobSpec { DurationMs = 100 });
        await service.WaitForHeldRequestsAsync(1).Bounded();
        Assert.False(create.IsCompleted);
        Assert.Null(service.GetJobByKey("k"));

        clock.Advance(TimeSpan.FromMilliseconds(200));
        var job = await create.Bounded();

        // Created after the latency, so it is still running: it ends 100 ms after the request was handled.
        Assert.Equal(JobStates.Running, job.State);
        Assert.Equal(clock.GetUtcNow(), service.GetJob(job.Id)!.CreatedAt);
    }

    [Fact]
    public async Task Faults_follow_the_seed_and_their_probabilities()
    {
        async Task<IReadOnlyDictionary<FaultKind, int>> RunAsync(int seed)
        {
            await using var service = await JobService.StartAsync(new JobServiceOptions
            {
                Time = TestClock.Create(),
                Seed = seed,
                ServerErrorProbability = 0.2,
                TooManyRequestsProbability = 0.1,
                FaultEndpoints = JobEndpoints.Get,
            }).Bounded();
            using var http = service.CreateHttpClient();
            var client = new JobClient(http);
            var job = await client.CreateAsync("k", Spec).Bounded();
            for (var i = 0; i < 400; i++)
            {
                try
                {
                    await client.GetAsync(job.Id).Bounded();
                }
                catch (JobServiceException)
                {
                }
            }

            return service.GetStats().Faults;
        }

        var first = await RunAsync(7);
        var same = await RunAsync(7);

        Assert.Equal(first, same);
        Assert.InRange(first[FaultKind.ServerError], 50, 110);
        Assert.InRange(first[FaultKind.TooManyRequests], 20, 65);
    }

    [Fact]
    public async Task Stopping_ends_held_requests_at_once()
    {
        var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create(), TimeoutProbability = 1 }).Bounded();
        using var http = service.CreateHttpClient();
        var pending = new JobClient(http).CreateAsync("k", Spec);
        await service.WaitForHeldRequestsAsync(1).Bounded();

        await service.DisposeAsync().AsTask().Bounded();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending).Bounded();
        Assert.Equal(0, service.HeldRequests);
    }

    [Theory]
    [InlineData(-0.1, 0, 0, 0)]
    [InlineData(0, 1.5, 0, 0)]
    [InlineData(0.5, 0.3, 0.2, 0.1)]
    public void Invalid_probabilities_are_rejected(double serverError, double tooMany, double timeout, double dropped)
    {
        var options = new JobServiceOptions
        {
            ServerErrorProbability = serverError,
            TooManyRequestsProbability = tooMany,
            TimeoutProbability = timeout,
            DroppedResponseProbability = dropped,
        };

        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Negative_durations_are_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(new JobServiceOptions { Latency = TimeSpan.FromSeconds(-1) }.Validate);
    }
}
