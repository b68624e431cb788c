using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;
using static AsyncPluginGen.Samples.Tests.Warehouse.WarehouseTestKit;

namespace AsyncPluginGen.Samples.Tests.Warehouse;

/// <summary>
/// The fake BigQuery jobs API over raw HTTP and JSON, so the routes, field names, states and error format are pinned to
/// BigQuery's, not to whatever the sample client happens to send.
/// </summary>
public sealed class WarehouseServiceApiTests
{
    private const string Jobs = "bigquery/v2/projects/" + Project + "/jobs";

    [Fact]
    public async Task Insert_answers_with_the_job_resource_in_bigquery_field_names()
    {
        await using var harness = await StartAsync(Instant());

        using var response = await harness.Http.PostAsync(Jobs, InsertBody("q1", "SELECT 42"));
        var job = await JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("bigquery#job", job.GetProperty("kind").GetString());
        Assert.Equal(Project + ":q1", job.GetProperty("id").GetString());
        Assert.Equal(Project, job.GetProperty("jobReference").GetProperty("projectId").GetString());
        Assert.Equal("q1", job.GetProperty("jobReference").GetProperty("jobId").GetString());
        Assert.Equal("SELECT 42", job.GetProperty("configuration").GetProperty("query").GetProperty("query").GetString());
        Assert.Equal("DONE", job.GetProperty("status").GetProperty("state").GetString());
        Assert.False(job.GetProperty("status").TryGetProperty("errorResult", out _), "a successful job has no errorResult");
        var statistics = job.GetProperty("statistics");
        foreach (var time in new[] { "creationTime", "startTime", "endTime" })
        {
            // Milliseconds since the epoch, as a string: BigQuery's int64 fields travel as JSON strings.
            Assert.True(long.TryParse(statistics.GetProperty(time).GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _), time);
        }
    }

    [Fact]
    public async Task Inserting_a_taken_job_id_is_409_already_exists_and_starts_no_second_job()
    {
        await using var harness = await StartAsync(Instant());
        using var first = await harness.Http.PostAsync(Jobs, InsertBody("q1"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var again = await harness.Http.PostAsync(Jobs, InsertBody("q1"));

        AssertError(await JsonAsync(again, HttpStatusCode.Conflict), 409, "ALREADY_EXISTS", "Already Exists: Job demo-project:q1");
        Assert.Single(harness.Service.Ledger.Jobs());
    }

    [Theory]
    [InlineData(true, "PENDING")]
    [InlineData(false, "RUNNING")]
    public async Task Get_reports_a_live_job_without_an_end_time(bool pending, string state)
    {
        await using var harness = await StartAsync(LongRunning(pending));
        using var inserted = await harness.Http.PostAsync(Jobs, InsertBody("q1"));
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);

        using var response = await harness.Http.GetAsync(Jobs + "/q1");
        var job = await JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(state, job.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(!pending, job.GetProperty("statistics").TryGetProperty("startTime", out _));
        Assert.False(job.GetProperty("statistics").TryGetProperty("endTime", out _));
    }

    [Fact]
    public async Task A_failed_job_is_done_with_an_error_result()
    {
        await using var harness = await StartAsync(Instant(jobFailureRate: 1));
        using var inserted = await harness.Http.PostAsync(Jobs, InsertBody("q1"));
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);

        using var response = await harness.Http.GetAsync(Jobs + "/q1");
        var status = (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("status");

        Assert.Equal("DONE", status.GetProperty("state").GetString());
        Assert.Equal("invalidQuery", status.GetProperty("errorResult").GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("errorResult").GetProperty("message").GetString()));
        Assert.Equal("invalidQuery", Assert.Single(status.GetProperty("errors").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Cancelling_a_running_job_twice_leaves_it_done_and_stopped()
    {
        await using var harness = await StartAsync(LongRunning(pending: false));
        using var inserted = await harness.Http.PostAsync(Jobs, InsertBody("q1"));
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);

        // The second cancel finds the job already stopped: BigQuery answers it the same way.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var response = await harness.Http.PostAsync(Jobs + "/q1/cancel", content: null);
            var body = await JsonAsync(response, HttpStatusCode.OK);

            Assert.Equal("bigquery#jobCancelResponse", body.GetProperty("kind").GetString());
            var status = body.GetProperty("job").GetProperty("status");
            Assert.Equal("DONE", status.GetProperty("state").GetString());
            Assert.Equal("stopped", status.GetProperty("errorResult").GetProperty("reason").GetString());
        }

        Assert.Equal(RemoteJobState.Stopped, harness.Service.Ledger.FindByKey("q1")!.State);
    }

    [Fact]
    public async Task A_cancelled_job_stays_running_until_it_has_stopped()
    {
        await using var harness = await StartAsync(LongRunning(pending: false, stopDuration: TimeSpan.FromHours(1)));
        using var inserted = await harness.Http.PostAsync(Jobs, InsertBody("q1"));
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);

        using var response = await harness.Http.PostAsync(Jobs + "/q1/cancel", content: null);
        var status = (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("job").GetProperty("status");

        Assert.Equal("RUNNING", status.GetProperty("state").GetString());
        Assert.False(status.TryGetProperty("errorResult", out _));
        Assert.Equal(RemoteJobState.Stopping, harness.Service.Ledger.FindByKey("q1")!.State);
    }

    [Fact]
    public async Task Cancelling_a_job_that_has_ended_changes_nothing()
    {
        await using var harness = await StartAsync(Instant());
        using var inserted = await harness.Http.PostAsync(Jobs, InsertBody("q1"));
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);

        using var response = await harness.Http.PostAsync(Jobs + "/q1/cancel", content: null);
        var status = (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("job").GetProperty("status");

        Assert.Equal("DONE", status.GetProperty("state").GetString());
        Assert.False(status.TryGetProperty("errorResult", out _), "the job succeeded before the cancel and stays a success");
        Assert.Equal(RemoteJobState.Succeeded, harness.Service.Ledger.FindByKey("q1")!.State);
    }

    [Theory]
    [InlineData("GET", Jobs + "/nope", "Not found: Job demo-project:nope")]
    [InlineData("POST", Jobs + "/nope/cancel", "Not found: Job demo-project:nope")]
    [InlineData("GET", "bigquery/v2/projects/other-project/jobs/q1", "Not found: Job other-project:q1")]
    public async Task An_unknown_job_is_404_in_googles_error_format(string method, string path, string message)
    {
        await using var harness = await StartAsync(Instant());
        using var inserted = await harness.Http.PostAsync(Jobs, InsertBody("q1"));
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await harness.Http.SendAsync(request);

        AssertError(await JsonAsync(response, HttpStatusCode.NotFound), 404, "NOT_FOUND", message);
    }

    [Theory]
    [InlineData("""{"configuration":{"query":{"query":"SELECT 1"}}}""", "jobReference.jobId")]
    [InlineData("""{"jobReference":{"jobId":"a.b"},"configuration":{"query":{"query":"SELECT 1"}}}""", "Invalid job ID \"a.b\"")]
    [InlineData("""{"jobReference":{"projectId":"elsewhere","jobId":"q1"},"configuration":{"query":{"query":"SELECT 1"}}}""", "Invalid project ID \"elsewhere\"")]
    [InlineData("""{"jobReference":{"jobId":"q1"},"configuration":{"query":{"query":" "}}}""", "configuration.query.query")]
    [InlineData("""{"jobReference":{"jobId":"q1"},"configuration":""", "Invalid JSON payload")]
    public async Task A_bad_insert_is_400_invalid_argument_and_starts_nothing(string body, string messagePart)
    {
        await using var harness = await StartAsync(Instant());

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await harness.Http.PostAsync(Jobs, content);
        var error = (await JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("error");

        Assert.Equal(400, error.GetProperty("code").GetInt32());
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("status").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(harness.Service.Ledger.Jobs());
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static void AssertError(JsonElement body, int code, string status, string message)
    {
        var error = body.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(status, error.GetProperty("status").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }
}
