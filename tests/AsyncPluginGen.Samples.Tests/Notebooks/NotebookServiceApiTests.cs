using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Notebooks;
using AsyncPluginGen.Samples.Notebooks;
using Microsoft.Extensions.Time.Testing;

namespace AsyncPluginGen.Samples.Tests.Notebooks;

/// <summary>The fake Databricks service over HTTP: routes, JSON names, states and error format, as a client sees them.</summary>
public sealed class NotebookServiceApiTests
{
    private const string Submit = "api/2.1/jobs/runs/submit";
    private const string Cancel = "api/2.1/jobs/runs/cancel";

    [Fact]
    public async Task Submit_returns_a_run_id_and_the_same_idempotency_token_returns_the_same_run()
    {
        await using var service = await StartedAsync(NotebookTestKit.Instant());
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        var first = await SubmitAsync(http, SubmitBody("token-1"));
        var again = await SubmitAsync(http, SubmitBody("token-1"));
        var other = await SubmitAsync(http, SubmitBody("token-2"));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(2, service.GetStats().JobsCreated);
    }

    [Fact]
    public async Task Get_returns_the_run_with_databricks_field_names_and_a_terminated_success()
    {
        await using var service = await StartedAsync(NotebookTestKit.Instant());
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var runId = await SubmitAsync(http, SubmitBody("token-1"));

        using var run = JsonDocument.Parse(await http.GetStringAsync(new Uri($"api/2.1/jobs/runs/get?run_id={runId}", UriKind.Relative)));

        var root = run.RootElement;
        Assert.Equal(runId, root.GetProperty("run_id").GetInt64());
        Assert.Equal("nightly", root.GetProperty("run_name").GetString());
        Assert.Equal("TERMINATED", root.GetProperty("state").GetProperty("life_cycle_state").GetString());
        Assert.Equal("SUCCESS", root.GetProperty("state").GetProperty("result_state").GetString());
        Assert.EndsWith($"#run/{runId}", root.GetProperty("run_page_url").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("end_time").GetInt64() >= root.GetProperty("start_time").GetInt64());
    }

    [Fact]
    public async Task A_failed_run_is_terminated_failed_with_a_state_message()
    {
        await using var service = await StartedAsync(NotebookTestKit.Instant(jobFailureRate: 1));
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var client = new NotebookClient(http);

        var run = await client.GetRunAsync(await client.SubmitRunAsync(Request("token-1")));

        Assert.Equal(RunLifeCycleState.Terminated, run.State?.LifeCycleState);
        Assert.Equal(RunResultState.Failed, run.State?.ResultState);
        Assert.False(string.IsNullOrEmpty(run.State?.StateMessage));
    }

    [Fact]
    public async Task Cancel_makes_a_running_run_terminating_then_terminated_canceled()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var service = await StartedAsync(new FakeServiceOptions
        {
            Time = time,
            FaultRate = 0,
            MinLatency = TimeSpan.Zero,
            MaxLatency = TimeSpan.Zero,
            PendingDuration = TimeSpan.FromMinutes(1),
            MinJobDuration = TimeSpan.FromHours(1),
            MaxJobDuration = TimeSpan.FromHours(1),
            StopDuration = TimeSpan.FromSeconds(30),
        });
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var client = new NotebookClient(http);
        var runId = await client.SubmitRunAsync(Request("token-1"));
        Assert.Equal(RunLifeCycleState.Pending, (await client.GetRunAsync(runId)).State?.LifeCycleState);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(RunLifeCycleState.Running, (await client.GetRunAsync(runId)).State?.LifeCycleState);

        await client.CancelRunAsync(runId);
        var stopping = await client.GetRunAsync(runId);
        time.Advance(TimeSpan.FromSeconds(30));
        var stopped = await client.GetRunAsync(runId);

        Assert.Equal(new RunState(RunLifeCycleState.Terminating, null, "Run cancellation requested"), stopping.State);
        Assert.Equal(0, stopping.EndTime);
        Assert.Equal(RunLifeCycleState.Terminated, stopped.State?.LifeCycleState);
        Assert.Equal(RunResultState.Canceled, stopped.State?.ResultState);
        Assert.NotEqual(0, stopped.EndTime);
    }

    [Fact]
    public async Task Cancel_twice_or_after_the_end_is_accepted_and_changes_nothing()
    {
        await using var service = await StartedAsync(NotebookTestKit.Endless());
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var client = new NotebookClient(http);
        var running = await client.SubmitRunAsync(Request("running"));
        await client.CancelRunAsync(running);

        using var second = await http.PostAsJsonAsync(Cancel, new { run_id = running });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("{}", await second.Content.ReadAsStringAsync());
        Assert.Equal(RemoteJobState.Stopped, service.FindRun(running)?.State);

        await using var instant = await StartedAsync(NotebookTestKit.Instant());
        using var instantHttp = new HttpClient { BaseAddress = instant.BaseAddress };
        var finishedClient = new NotebookClient(instantHttp);
        var finished = await finishedClient.SubmitRunAsync(Request("finished"));
        await finishedClient.CancelRunAsync(finished);
        Assert.Equal(RunResultState.Success, (await finishedClient.GetRunAsync(finished)).State?.ResultState);
    }

    [Fact]
    public async Task An_unknown_run_is_404_resource_does_not_exist_for_get_and_cancel()
    {
        await using var service = await StartedAsync(NotebookTestKit.Instant());
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        using var get = await http.GetAsync(new Uri("api/2.1/jobs/runs/get?run_id=42", UriKind.Relative));
        using var cancel = await http.PostAsJsonAsync(Cancel, new { run_id = 42 });

        foreach (var response in new[] { get, cancel })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.RootElement.GetProperty("error_code").GetString());
            Assert.Equal("Run 42 does not exist.", error.RootElement.GetProperty("message").GetString());
        }

        var client = new NotebookClient(http);
        var thrown = await Assert.ThrowsAsync<DatabricksApiException>(() => client.GetRunAsync(42));
        Assert.Equal(HttpStatusCode.NotFound, thrown.StatusCode);
        Assert.Equal(DatabricksApiException.ResourceDoesNotExist, thrown.ErrorCode);
        Assert.Contains("Run 42 does not exist.", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"run_name":"r","idempotency_token":"t"}""", "INVALID_PARAMETER_VALUE", "at least one task")]
    [InlineData("""{"tasks":[{"task_key":"n","notebook_task":{"notebook_path":"etl"},"existing_cluster_id":"c"}]}""", "INVALID_PARAMETER_VALUE", "absolute workspace path")]
    [InlineData("""{"tasks":[{"task_key":"n","notebook_task":{"notebook_path":"/etl"}}]}""", "INVALID_PARAMETER_VALUE", "one of existing_cluster_id and new_cluster")]
    [InlineData("""{"tasks":[{"task_key":"n","notebook_task":{"notebook_path":"/etl"},"existing_cluster_id":"c","new_cluster":{"num_workers":1}}]}""", "INVALID_PARAMETER_VALUE", "only one of")]
    [InlineData("""{"tasks":[{"task_key":"n","spark_jar_task":{}}]}""", "INVALID_PARAMETER_VALUE", "notebook tasks only")]
    [InlineData("""{"idempotency_token":"0123456789012345678901234567890123456789012345678901234567890123456789","tasks":[{"task_key":"n","notebook_task":{"notebook_path":"/etl"},"existing_cluster_id":"c"}]}""", "INVALID_PARAMETER_VALUE", "at most 64 characters")]
    [InlineData("""{"tasks": not json""", "MALFORMED_REQUEST", "Invalid JSON")]
    public async Task A_bad_submit_is_400_in_the_databricks_error_format(string body, string errorCode, string messagePart)
    {
        await using var service = await StartedAsync(NotebookTestKit.Instant());
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        using var response = await http.PostAsync(new Uri(Submit, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(errorCode, error.RootElement.GetProperty("error_code").GetString());
        Assert.Contains(messagePart, error.RootElement.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, service.GetStats().JobsCreated);
    }

    [Fact]
    public async Task A_get_without_a_numeric_run_id_is_400_invalid_parameter_value()
    {
        await using var service = await StartedAsync(NotebookTestKit.Instant());
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        using var missing = await http.GetAsync(new Uri("api/2.1/jobs/runs/get", UriKind.Relative));
        using var text = await http.GetAsync(new Uri("api/2.1/jobs/runs/get?run_id=abc", UriKind.Relative));

        foreach (var response in new[] { missing, text })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("INVALID_PARAMETER_VALUE", error.RootElement.GetProperty("error_code").GetString());
        }
    }

    private static async Task<NotebookService> StartedAsync(FakeServiceOptions options)
    {
        var service = new NotebookService(options);
        await service.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));
        return service;
    }

    private static object SubmitBody(string token) => new
    {
        run_name = "nightly",
        idempotency_token = token,
        tasks = new[] { new { task_key = "notebook", notebook_task = new { notebook_path = "/Shared/etl" }, existing_cluster_id = "0101-cluster" } },
    };

    private static RunsSubmitRequest Request(string token) =>
        new("nightly", token, [new RunSubmitTask("notebook", new NotebookTask("/Shared/etl"), ExistingClusterId: "0101-cluster")]);

    private static async Task<long> SubmitAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync(Submit, body);
        response.EnsureSuccessStatusCode();
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return reply.RootElement.GetProperty("run_id").GetInt64();
    }
}
