using AsyncPluginGen.Flyte.Tests.Infrastructure;
using AsyncPluginGen.Flyte.Tests.Plugins;
using Flyteidl.Admin;
using Flyteidl.Core;
using Google.Protobuf;
using Grpc.Core;
using Phase = Flyteidl.Core.TaskExecution.Types.Phase;

namespace AsyncPluginGen.Flyte.Tests.Agent;

// One file on purpose: the AsyncAgentService contract (Create, Get, Delete, logs) as propeller calls it, one scenario per test over one test server.

public sealed class AsyncAgentServiceTests
{
    [Fact]
    public async Task Create_then_Get_follows_the_job_to_success_with_outputs_and_Delete_cancels()
    {
        await using var server = await AgentTestServer.StartAsync();
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        Assert.NotEmpty(created.ResourceMeta);
        var job = server.Backend.Single();
        Assert.Equal("SELECT 1", job.Query);

        var queued = await GetAsync(server, created.ResourceMeta);
        Assert.Equal(Phase.Queued, queued.Phase);
#pragma warning disable CS0612
        Assert.Equal(State.Pending, queued.State);
#pragma warning restore CS0612

        job.State = JobState.Running;
        Assert.Equal(Phase.Running, (await GetAsync(server, created.ResourceMeta)).Phase);

        job.State = JobState.Done;
        var done = await GetAsync(server, created.ResourceMeta);
        Assert.Equal(Phase.Succeeded, done.Phase);
#pragma warning disable CS0612
        Assert.Equal(State.Succeeded, done.State);
#pragma warning restore CS0612
        Assert.Equal(job.Id, done.Outputs.Literals["job_id"].Scalar.Primitive.StringValue);
        Assert.Equal(42, done.Outputs.Literals["rows"].Scalar.Primitive.Integer);

        await server.Async.DeleteTaskAsync(new DeleteTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = created.ResourceMeta });
        Assert.True(job.Cancelled);
    }

    [Fact]
    public async Task A_repeated_Create_of_the_same_attempt_reaches_the_same_job_and_a_new_attempt_a_new_one()
    {
        await using var server = await AgentTestServer.StartAsync();
        var first = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        var again = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        Assert.Equal(2, server.Backend.Creates);
        Assert.Single(server.Backend.Jobs);
        Assert.Equal((await GetAsync(server, first.ResourceMeta)).Phase, (await GetAsync(server, again.ResourceMeta)).Phase);

        await server.Async.CreateTaskAsync(FlyteRequests.Create(retry: 1));
        Assert.Equal(2, server.Backend.Jobs.Count);
        Assert.Contains(server.Backend.Jobs, j => j.Id == "job-flytesnacks-development-exec--1-n0-0");
        Assert.Contains(server.Backend.Jobs, j => j.Id == "job-flytesnacks-development-exec--1-n0-1");
    }

    [Theory]
    [InlineData(JobState.Failed, Phase.Failed, "JobFailed", AgentError.Types.Kind.NonRecoverable)]
    [InlineData(JobState.Preempted, Phase.RetryableFailed, "JobPreempted", AgentError.Types.Kind.Recoverable)]
    public async Task A_failed_job_answers_the_failure_phase_with_an_agent_error(JobState state, Phase phase, string code, AgentError.Types.Kind kind)
    {
        await using var server = await AgentTestServer.StartAsync();
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        var job = server.Backend.Single();
        job.Error = "the warehouse said no";
        job.State = state;

        var resource = await GetAsync(server, created.ResourceMeta);
        Assert.Equal(phase, resource.Phase);
        Assert.Equal("the warehouse said no", resource.Message);
        Assert.Equal(code, resource.AgentError.Code);
        Assert.Equal(kind, resource.AgentError.Kind);
        Assert.Equal(Flyteidl.Core.ExecutionError.Types.ErrorKind.User, resource.AgentError.Origin);
        Assert.Null(resource.Outputs);
    }

    [Fact]
    public async Task An_unknown_category_is_NOT_FOUND_naming_the_served_ones()
    {
        await using var server = await AgentTestServer.StartAsync();
        var request = FlyteRequests.Create();
        request.Template.TaskTypeVersion = 7;
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.CreateTaskAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("echo_job v7", error.Status.Detail);
        Assert.Contains("echo_job v1, echo_job_alt v1, quick_check v2", error.Status.Detail);
    }

    [Fact]
    public async Task An_execution_id_that_cannot_name_the_task_is_INVALID_ARGUMENT_naming_the_part()
    {
        await using var server = await AgentTestServer.StartAsync();
        var request = FlyteRequests.Create(execution: "exec-1-");
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.CreateTaskAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("TaskExecutionId.ExecutionName 'exec-1-'", error.Status.Detail);
        Assert.Contains("must not begin or end with '-'", error.Status.Detail);
        Assert.Empty(server.Backend.Jobs);
    }

    [Fact]
    public async Task Get_by_the_deprecated_task_type_routes_to_version_0()
    {
        await using var server = await AgentTestServer.StartAsync();
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        var request = new GetTaskRequest { ResourceMeta = created.ResourceMeta };
#pragma warning disable CS0612
        request.TaskType = "echo_job";
#pragma warning restore CS0612
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.GetTaskAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("echo_job v0", error.Status.Detail);
    }

    [Fact]
    public async Task A_meta_issued_for_another_category_is_refused_before_the_plugin_sees_it()
    {
        await using var server = await AgentTestServer.StartAsync();
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.DeleteTaskAsync(new DeleteTaskRequest
        {
            TaskCategory = new TaskCategory { Name = "echo_job_alt", Version = 1 },
            ResourceMeta = created.ResourceMeta,
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("issued for task category 'echo_job' version 1", error.Status.Detail);
        Assert.Equal(0, server.Backend.Deletes);
    }

    [Fact]
    public async Task Every_tampered_byte_of_a_meta_is_refused_and_never_reaches_Get_or_Delete()
    {
        await using var server = await AgentTestServer.StartAsync();
        var meta = (await server.Async.CreateTaskAsync(FlyteRequests.Create())).ResourceMeta.ToByteArray();
        for (var i = 0; i < meta.Length; i++)
        {
            var tampered = (byte[])meta.Clone();
            tampered[i] ^= 0x20;
            var get = await Assert.ThrowsAsync<RpcException>(() => server.Async.GetTaskAsync(new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = ByteString.CopyFrom(tampered) }).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, get.StatusCode);
            var delete = await Assert.ThrowsAsync<RpcException>(() => server.Async.DeleteTaskAsync(new DeleteTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = ByteString.CopyFrom(tampered) }).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, delete.StatusCode);
        }

        Assert.Equal(0, server.Backend.Gets);
        Assert.Equal(0, server.Backend.Deletes);
    }

    [Fact]
    public async Task A_flytekit_style_or_oversized_meta_is_refused()
    {
        await using var server = await AgentTestServer.StartAsync();
        foreach (var meta in new[] { ByteString.CopyFromUtf8("{\"job_id\": \"job-1\"}"), ByteString.CopyFrom(new byte[70 * 1024]), ByteString.Empty })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.GetTaskAsync(new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = meta }).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.StartsWith("resource_meta ", error.Status.Detail);
        }

        Assert.Equal(0, server.Backend.Gets);
    }

    [Fact]
    public async Task A_missing_input_is_INVALID_ARGUMENT_and_starts_no_job()
    {
        await using var server = await AgentTestServer.StartAsync();
        var request = FlyteRequests.Create();
        request.Inputs = new LiteralMap();
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.CreateTaskAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("refused the task's inputs", error.Status.Detail);
        Assert.Empty(server.Backend.Jobs);
    }

    [Fact]
    public async Task A_missing_task_execution_id_is_INVALID_ARGUMENT()
    {
        await using var server = await AgentTestServer.StartAsync();
        var request = FlyteRequests.Create();
        request.TaskExecutionMetadata = null;
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.CreateTaskAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("task_execution_id", error.Status.Detail);
    }

    [Fact]
    public async Task A_transient_remote_failure_is_UNAVAILABLE_and_a_plugin_bug_is_INTERNAL_without_its_message()
    {
        await using var server = await AgentTestServer.StartAsync();
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        var get = new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = created.ResourceMeta };

        server.Backend.FailWith("get", () => new HttpRequestException("bad gateway", null, System.Net.HttpStatusCode.BadGateway));
        var unavailable = await Assert.ThrowsAsync<RpcException>(() => server.Async.GetTaskAsync(get).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, unavailable.StatusCode);
        Assert.Contains("HTTP 502", unavailable.Status.Detail);

        server.Backend.FailWith("get", () => new NullReferenceException("password=hunter2"));
        var internalError = await Assert.ThrowsAsync<RpcException>(() => server.Async.GetTaskAsync(get).ResponseAsync);
        Assert.Equal(StatusCode.Internal, internalError.StatusCode);
        Assert.DoesNotContain("hunter2", internalError.Status.Detail);
        Assert.DoesNotContain(" at ", internalError.Status.Detail);
        Assert.Contains("NullReferenceException", internalError.Status.Detail);
    }

    [Fact]
    public async Task A_Get_that_outlives_the_deadline_is_DEADLINE_EXCEEDED()
    {
        await using var server = await AgentTestServer.StartAsync();
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        var gate = server.Backend.Gate("get");
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.GetTaskAsync(
            new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = created.ResourceMeta },
            deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        gate.SetResult();
    }

    [Fact]
    public async Task A_job_created_after_the_caller_gave_up_is_deleted_rather_than_leaked()
    {
        await using var server = await AgentTestServer.StartAsync();
        await server.Async.CreateTaskAsync(FlyteRequests.Create(execution: "warm-up")); // compiled and connected before the short deadline
        var respond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Backend.CreateResponseDelay = respond.Task;
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.CreateTaskAsync(FlyteRequests.Create(), deadline: DateTime.UtcNow.AddMilliseconds(500)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);

        // The service learns of it too; only then does the remote service answer the Create.
        await server.Backend.CreateAbandoned.Task.WaitAsync(TimeSpan.FromSeconds(30));
        respond.SetResult();
        await server.Backend.Deleted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(server.Backend.Find("job-flytesnacks-development-exec--1-n0-0")!.Cancelled);
        Assert.False(server.Backend.Find("job-flytesnacks-development-warm--up-n0-0")!.Cancelled);
    }

    [Fact]
    public async Task Without_a_write_permit_before_the_deadline_Create_is_RESOURCE_EXHAUSTED()
    {
        await using var server = await AgentTestServer.StartAsync(o => o.Plugins["EchoJobPlugin"] = new AsyncPluginGen.Hosting.PluginConfigOverride { WriteQps = 1, WriteBurst = 5 });
        await server.Metadata.ListAgentsAsync(new ListAgentsRequest()); // connected and compiled before the short deadlines

        // Ten at once against a burst of five and one more per second: five get permits, about two more within the 2.25 s
        // the server may wait, and the rest are answered RESOURCE_EXHAUSTED 250 ms before their 2.5 s deadline (the
        // server's reserve; a 1.5 s deadline left it 150 ms, which a loaded CI machine sometimes took, so the client's
        // DeadlineExceeded came first).
        var calls = Enumerable.Range(0, 10)
            .Select(i => server.Async.CreateTaskAsync(FlyteRequests.Create(execution: $"burst-{i}"), deadline: DateTime.UtcNow.AddMilliseconds(2500)).ResponseAsync)
            .ToList();
        var outcomes = new List<StatusCode>();
        foreach (var call in calls)
        {
            try
            {
                await call;
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException error)
            {
                outcomes.Add(error.StatusCode);
                Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
                Assert.Contains("1 writes per second", error.Status.Detail);
            }
        }

        var created = outcomes.Count(c => c == StatusCode.OK);
        Assert.InRange(created, 5, 8);
        Assert.Contains(StatusCode.ResourceExhausted, outcomes);
        Assert.Equal(created, server.Backend.Jobs.Count);
    }

    [Fact]
    public async Task A_high_declared_rate_keeps_refilling_after_the_burst()
    {
        // 100,000 reads per second with a burst of 5: the bucket must refill faster than a timer can tick once per token.
        await using var server = await AgentTestServer.StartAsync(o => o.Plugins["EchoJobPlugin"] = new AsyncPluginGen.Hosting.PluginConfigOverride { ReadQps = 100_000, ReadBurst = 5 });
        var meta = (await server.Async.CreateTaskAsync(FlyteRequests.Create())).ResourceMeta;
        for (var i = 0; i < 200; i++)
        {
            var resource = (await server.Async.GetTaskAsync(new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = meta }, deadline: DateTime.UtcNow.AddSeconds(10))).Resource;
            Assert.Equal(Phase.Queued, resource.Phase);
        }

        Assert.Equal(200, server.Backend.Gets);
    }

    [Fact]
    public async Task Outputs_above_the_limit_fail_the_task_with_a_clear_message()
    {
        await using var server = await AgentTestServer.StartAsync(o => o.MaxOutputBytes = 1024);
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create(query: new string('x', 4000)));
        server.Backend.Single().State = JobState.Done;
        var resource = await GetAsync(server, created.ResourceMeta);
        Assert.Equal(Phase.Failed, resource.Phase);
        Assert.Equal("OutputsTooLarge", resource.AgentError.Code);
        Assert.Contains("1,024-byte limit", resource.Message);
    }

    [Fact]
    public async Task Two_replicas_with_the_same_key_serve_each_others_tasks()
    {
        var backend = new FakeJobBackend();
        await using var a = await AgentTestServer.StartAsync(backend: backend);
        await using var b = await AgentTestServer.StartAsync(backend: backend);
        var created = await a.Async.CreateTaskAsync(FlyteRequests.Create());
        backend.Single().State = JobState.Running;
        Assert.Equal(Phase.Running, (await GetAsync(b, created.ResourceMeta)).Phase);
        await b.Async.DeleteTaskAsync(new DeleteTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = created.ResourceMeta });
        Assert.True(backend.Single().Cancelled);
    }

    [Fact]
    public async Task Logs_stream_from_the_plugin_and_metrics_are_UNIMPLEMENTED()
    {
        await using var server = await AgentTestServer.StartAsync();
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create());
        using var logs = server.Async.GetTaskLogs(new GetTaskLogsRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = created.ResourceMeta, Lines = 10 });
        var responses = new List<GetTaskLogsResponse>();
        while (await logs.ResponseStream.MoveNext(CancellationToken.None))
        {
            responses.Add(logs.ResponseStream.Current);
        }

        Assert.Equal("t1", responses[0].Header.Token);
        Assert.Contains("says hello", responses[1].Body.StructuredLines[0].Message);

        var metrics = await Assert.ThrowsAsync<RpcException>(() => server.Async.GetTaskMetricsAsync(new GetTaskMetricsRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = created.ResourceMeta }).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, metrics.StatusCode);
    }

    [Fact]
    public async Task A_permanent_failure_at_Create_ends_the_task_at_its_first_Get_instead_of_an_error_propeller_would_retry()
    {
        await using var server = await AgentTestServer.StartAsync();

        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create(query: EchoJobPlugin.RefusedQuery));

        Assert.Empty(server.Backend.Jobs);
        var resource = await GetAsync(server, created.ResourceMeta);
        Assert.Equal(Phase.Failed, resource.Phase);
        Assert.Equal("QueryRefused", resource.AgentError.Code);
        Assert.Equal(AgentError.Types.Kind.NonRecoverable, resource.AgentError.Kind);
        Assert.Equal("The warehouse refuses DROP statements.", resource.Message);

        // No remote job exists: Delete succeeds and has nothing to cancel; logs say why there are none.
        await server.Async.DeleteTaskAsync(new DeleteTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = created.ResourceMeta });
        Assert.Equal(0, server.Backend.Deletes);
        var logs = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = server.Async.GetTaskLogs(new GetTaskLogsRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = created.ResourceMeta });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });
        Assert.Equal(StatusCode.InvalidArgument, logs.StatusCode);
        Assert.Contains("failed at Create (QueryRefused)", logs.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_failure_from_Get_deletes_the_job_and_ends_the_task_with_its_code()
    {
        await using var server = await AgentTestServer.StartAsync();
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create(query: EchoJobPlugin.ExpiringQuery));
        var job = server.Backend.Single();
        Assert.Equal(Phase.Queued, (await GetAsync(server, created.ResourceMeta)).Phase);

        job.State = JobState.Running;
        var resource = await GetAsync(server, created.ResourceMeta);

        Assert.Equal(Phase.Failed, resource.Phase);
        Assert.Equal("JobExpired", resource.AgentError.Code);
        Assert.Equal("The warehouse expired the job's results.", resource.Message);
        Assert.True(job.Cancelled);
    }

    private static async Task<Resource> GetAsync(AgentTestServer server, ByteString meta) =>
        (await server.Async.GetTaskAsync(new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = meta })).Resource;
}
