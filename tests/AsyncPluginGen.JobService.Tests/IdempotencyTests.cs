using System.Net;
using System.Net.Http.Json;

namespace AsyncPluginGen.JobService.Tests;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task Same_key_twice_gives_one_job()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var first = await client.CreateAsync("key-1", new JobSpec { DurationMs = 1000 }).Bounded();
        var second = await client.CreateAsync("key-1", new JobSpec { DurationMs = 5 }).Bounded();

        Assert.Equal(first.Id, second.Id);
        var stats = service.GetStats();
        Assert.Equal(1, stats.JobsCreated);
        Assert.Equal(1, stats.JobsPerKey["key-1"]);
        Assert.Equal(2, stats.CreateRequestsPerKey["key-1"]);
        Assert.Equal(1, stats.IdempotentReplays);
        Assert.Equal(0, stats.DuplicateKeys);
        Assert.Equal(2, stats.CallCount(JobEndpoint.Create));
    }

    [Fact]
    public async Task First_create_answers_201_and_a_replay_200_with_the_same_job()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();

        async Task<(HttpStatusCode Code, JobStatus? Job)> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = JsonContent.Create(new { durationMs = 10 }) };
            request.Headers.Add("Idempotency-Key", "k");
            using var response = await http.SendAsync(request).Bounded();
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JobStatus>(JobJson.Options).Bounded());
        }

        var (firstCode, firstJob) = await PostAsync();
        var (secondCode, secondJob) = await PostAsync();

        Assert.Equal(HttpStatusCode.Created, firstCode);
        Assert.Equal(HttpStatusCode.OK, secondCode);
        Assert.Equal(firstJob!.Id, secondJob!.Id);
        Assert.Equal(JobStates.Running, firstJob.State);
    }

    [Fact]
    public async Task Concurrent_creates_with_one_key_give_one_job()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();
        var client = new JobClient(http);

        var sameKey = Enumerable.Range(0, 20).Select(_ => client.CreateAsync("shared", new JobSpec { DurationMs = 100 }));
        var distinct = Enumerable.Range(0, 30).Select(i => client.CreateAsync("key-" + i, new JobSpec { DurationMs = 100 }));
        var results = await Task.WhenAll(sameKey.Concat(distinct)).Bounded();

        Assert.Single(results.Take(20).Select(r => r.Id).Distinct());
        Assert.Equal(31, results.Select(r => r.Id).Distinct().Count());
        var stats = service.GetStats();
        Assert.Equal(31, stats.JobsCreated);
        Assert.Equal(0, stats.DuplicateKeys);
        Assert.All(stats.JobsPerKey.Values, n => Assert.Equal(1, n));
        Assert.Equal(20, stats.CreateRequestsPerKey["shared"]);
    }

    [Fact]
    public async Task Create_without_key_or_with_a_bad_body_is_rejected()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create() }).Bounded();
        using var http = service.CreateHttpClient();

        using var noKey = await http.PostAsJsonAsync("jobs", new { durationMs = 1 }).Bounded();
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = new StringContent("not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "k");
        using var badBody = await http.SendAsync(request).Bounded();
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);

        using var negative = new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = JsonContent.Create(new { durationMs = -5 }) };
        negative.Headers.Add("Idempotency-Key", "k2");
        using var negativeResponse = await http.SendAsync(negative).Bounded();
        Assert.Equal(HttpStatusCode.BadRequest, negativeResponse.StatusCode);

        Assert.Equal(0, service.GetStats().JobsCreated);
    }

    [Fact]
    public async Task Binds_to_the_loopback_address_on_a_dynamic_port()
    {
        await using var one = await JobService.StartAsync().Bounded();
        await using var two = await JobService.StartAsync().Bounded();

        Assert.Equal("127.0.0.1", one.BaseAddress.Host);
        Assert.NotEqual(0, one.BaseAddress.Port);
        Assert.NotEqual(one.BaseAddress.Port, two.BaseAddress.Port);
    }
}
