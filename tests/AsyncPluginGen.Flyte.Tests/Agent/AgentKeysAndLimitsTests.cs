using System.Diagnostics;
using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using AsyncPluginGen.Flyte.Tests.Plugins;
using Flyteidl.Admin;
using Grpc.Core;
using Phase = Flyteidl.Core.TaskExecution.Types.Phase;

namespace AsyncPluginGen.Flyte.Tests.Agent;

/// <summary>Signing keys across replicas, request size limits and traces, at the service level.</summary>
public sealed class AgentKeysAndLimitsTests
{
    [Fact]
    public async Task A_replica_with_another_key_refuses_the_meta_and_a_rotated_replica_accepts_it()
    {
        var backend = new FakeJobBackend();
        await using var issuer = await AgentTestServer.StartAsync(backend: backend);
        var meta = (await issuer.Async.CreateTaskAsync(FlyteRequests.Create())).ResourceMeta;

        await using var stranger = await AgentTestServer.StartAsync(
            o =>
            {
                o.ResourceMeta.Keys.Clear();
                o.ResourceMeta.Keys[TestKeys.SecondaryId] = TestKeys.SecondaryKey;
                o.ResourceMeta.ActiveKeyId = TestKeys.SecondaryId;
            },
            backend);
        var refused = await Assert.ThrowsAsync<RpcException>(() => stranger.Async.GetTaskAsync(new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = meta }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("key this agent does not have", refused.Status.Detail);
        Assert.Equal(0, backend.Gets);

        // Rotation: the new key signs, the old one still verifies until every task signed with it has ended.
        await using var rotated = await AgentTestServer.StartAsync(
            o =>
            {
                o.ResourceMeta.Keys[TestKeys.SecondaryId] = TestKeys.SecondaryKey;
                o.ResourceMeta.ActiveKeyId = TestKeys.SecondaryId;
            },
            backend);
        Assert.Equal(Phase.Queued, (await rotated.Async.GetTaskAsync(new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = meta })).Resource.Phase);
        var fresh = (await rotated.Async.CreateTaskAsync(FlyteRequests.Create(execution: "after-rotation"))).ResourceMeta;
        var old = await Assert.ThrowsAsync<RpcException>(() => issuer.Async.GetTaskAsync(new GetTaskRequest { TaskCategory = FlyteRequests.EchoCategory, ResourceMeta = fresh }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, old.StatusCode);
    }

    [Fact]
    public async Task An_agent_without_signing_keys_does_not_start_and_says_how_to_make_one()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AgentTestServer.StartAsync(o => o.ResourceMeta.Keys.Clear()));
        Assert.Contains("openssl rand -base64 32", error.Message);
    }

    [Fact]
    public async Task An_input_map_above_grpcs_4_MiB_default_is_accepted()
    {
        await using var server = await AgentTestServer.StartAsync();
        var query = new string('q', 5 * 1024 * 1024);
        var created = await server.Async.CreateTaskAsync(FlyteRequests.Create(query: query));
        Assert.NotEmpty(created.ResourceMeta);
        Assert.Equal(query.Length, server.Backend.Single().Query.Length);
    }

    [Fact]
    public async Task Each_rpc_is_a_server_span_tagged_with_the_task_type_and_task()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgentActivity.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using var server = await AgentTestServer.StartAsync();
        await server.Async.CreateTaskAsync(FlyteRequests.Create(execution: "traced"));
        lock (spans)
        {
            var span = Assert.Single(spans, s => s.OperationName == "flyte.agent.create" && (string?)s.GetTagItem("flyte.task") == "flytesnacks-development-traced-n0-0");
            Assert.Equal(ActivityKind.Server, span.Kind);
            Assert.Equal("echo_job", span.GetTagItem("flyte.task_type"));
        }
    }
}
