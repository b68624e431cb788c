using System.Diagnostics.Metrics;
using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using Flyteidl.Admin;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace AsyncPluginGen.Flyte.Tests.Agent;

public sealed class AgentMetadataAndOperationsTests
{
    [Fact]
    public async Task ListAgents_names_each_plugin_with_its_categories_and_whether_it_is_sync()
    {
        await using var server = await AgentTestServer.StartAsync();
        var agents = (await server.Metadata.ListAgentsAsync(new ListAgentsRequest())).Agents.ToDictionary(a => a.Name);
        var echo = agents["EchoJobPlugin"];
        Assert.False(echo.IsSync);
        Assert.Equal(["echo_job v1", "echo_job_alt v1"], echo.SupportedTaskCategories.Select(c => $"{c.Name} v{c.Version}"));
        var quick = agents["QuickCheckPlugin"];
        Assert.True(quick.IsSync);
        Assert.Equal("quick_check", Assert.Single(quick.SupportedTaskCategories).Name);
        Assert.Equal(2, quick.SupportedTaskCategories[0].Version);

        Assert.Equal("QuickCheckPlugin", (await server.Metadata.GetAgentAsync(new GetAgentRequest { Name = "QuickCheckPlugin" })).Agent.Name);
        var missing = await Assert.ThrowsAsync<RpcException>(() => server.Metadata.GetAgentAsync(new GetAgentRequest { Name = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Contains("EchoJobPlugin, QuickCheckPlugin", missing.Status.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData(AgentServiceNames.AsyncAgentService)]
    [InlineData(AgentServiceNames.SyncAgentService)]
    [InlineData(AgentServiceNames.AgentMetadataService)]
    public async Task Health_is_SERVING_for_the_empty_name_and_each_service(string service)
    {
        await using var server = await AgentTestServer.StartAsync();
        var health = new Health.HealthClient(server.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = service })).Status);
    }

    [Fact]
    public async Task Reflection_lists_the_three_agent_services()
    {
        await using var server = await AgentTestServer.StartAsync();
        using var call = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(AgentServiceNames.AsyncAgentService, names);
        Assert.Contains(AgentServiceNames.SyncAgentService, names);
        Assert.Contains(AgentServiceNames.AgentMetadataService, names);
    }

    [Fact]
    public async Task Requests_are_counted_under_flytekits_metric_names()
    {
        var measurements = new List<(string Name, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AgentMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();

        await using var server = await AgentTestServer.StartAsync();
        await server.Async.CreateTaskAsync(FlyteRequests.Create());
        var request = FlyteRequests.Create();
        request.Template.Type = "unknown";
        await Assert.ThrowsAsync<RpcException>(() => server.Async.CreateTaskAsync(request).ResponseAsync);

        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Name == "flyte_connector_requests_success" && (string?)m.Tags["task_type"] == "echo_job" && (string?)m.Tags["operation"] == "create");
            Assert.Contains(measurements, m => m.Name == "flyte_connector_requests_failure" && (string?)m.Tags["error_code"] == "NotFound" && (string?)m.Tags["task_type"] == "unknown");
            Assert.Contains(measurements, m => m.Name == "flyte_connector_input_literal_bytes" && m.Value > 0);
        }
    }
}
