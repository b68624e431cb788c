using AsyncPluginGen.Flyte.Tests.Infrastructure;
using Flyteidl.Admin;
using Grpc.Core;
using Phase = Flyteidl.Core.TaskExecution.Types.Phase;

namespace AsyncPluginGen.Flyte.Tests.Agent;

public sealed class SyncAgentServiceTests
{
    [Fact]
    public async Task Header_then_inputs_gets_exactly_one_terminal_header_with_the_outputs()
    {
        await using var server = await AgentTestServer.StartAsync();
        var responses = await ExecuteAsync(server, "ada");
        var resource = Assert.Single(responses).Header.Resource;
        Assert.Equal(Phase.Succeeded, resource.Phase);
        Assert.Equal("hello ada", resource.Outputs.Literals["greeting"].Scalar.Primitive.StringValue);
        Assert.Equal(3, resource.Outputs.Literals["length"].Scalar.Primitive.Integer);
    }

    [Fact]
    public async Task A_plugin_failure_is_a_terminal_failure_with_its_code()
    {
        await using var server = await AgentTestServer.StartAsync();
        var resource = Assert.Single(await ExecuteAsync(server, "bad")).Header.Resource;
        Assert.Equal(Phase.Failed, resource.Phase);
        Assert.Equal("BadName", resource.AgentError.Code);
        Assert.Contains("not allowed", resource.Message);
    }

    [Fact]
    public async Task A_PermanentTaskFailureException_from_Do_is_a_terminal_failure_with_its_code_not_an_rpc_error()
    {
        await using var server = await AgentTestServer.StartAsync();

        var resource = Assert.Single(await ExecuteAsync(server, "refused")).Header.Resource;

        Assert.Equal(Phase.Failed, resource.Phase);
        Assert.Equal("NameRefused", resource.AgentError.Code);
        Assert.Equal("'refused' is on the deny list", resource.Message);
    }

    [Fact]
    public async Task A_non_terminal_phase_is_answered_as_a_failure_because_propeller_reads_one_message()
    {
        await using var server = await AgentTestServer.StartAsync();
        var resource = Assert.Single(await ExecuteAsync(server, "pending")).Header.Resource;
        Assert.Equal(Phase.Failed, resource.Phase);
        Assert.Equal("NonTerminalSyncPhase", resource.AgentError.Code);
    }

    [Fact]
    public async Task Inputs_before_the_header_are_INVALID_ARGUMENT()
    {
        await using var server = await AgentTestServer.StartAsync();
        using var call = server.Sync.ExecuteTaskSync();
        await call.RequestStream.WriteAsync(new ExecuteTaskSyncRequest { Inputs = FlyteRequests.Inputs(("name", FlyteRequests.String("ada"))) });
        await call.RequestStream.CompleteAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task A_sync_task_that_outlives_the_deadline_is_DEADLINE_EXCEEDED()
    {
        await using var server = await AgentTestServer.StartAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => ExecuteAsync(server, "slow", DateTime.UtcNow.AddMilliseconds(300)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task CreateTask_on_a_sync_category_is_FAILED_PRECONDITION()
    {
        await using var server = await AgentTestServer.StartAsync();
        var request = FlyteRequests.Create();
        request.Template = FlyteRequests.Template("quick_check", 2);
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Async.CreateTaskAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("ExecuteTaskSync", error.Status.Detail);
    }

    internal static async Task<List<ExecuteTaskSyncResponse>> ExecuteAsync(AgentTestServer server, string name, DateTime? deadline = null)
    {
        using var call = server.Sync.ExecuteTaskSync(deadline: deadline);
        await call.RequestStream.WriteAsync(new ExecuteTaskSyncRequest
        {
            Header = new CreateRequestHeader { Template = FlyteRequests.Template("quick_check", 2), OutputPrefix = "s3://b/o", TaskExecutionMetadata = FlyteRequests.Metadata() },
        });
        await call.RequestStream.WriteAsync(new ExecuteTaskSyncRequest { Inputs = FlyteRequests.Inputs(("name", FlyteRequests.String(name))) });
        await call.RequestStream.CompleteAsync();
        var responses = new List<ExecuteTaskSyncResponse>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            responses.Add(call.ResponseStream.Current);
        }

        return responses;
    }
}
