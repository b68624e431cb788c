using AsyncPluginGen.Flyte.Client;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AsyncPluginGen.Flyte.Tests.Client;

/// <summary>ListAgents discovery: first use lists the agent, then every PollInterval on the host's clock.</summary>
public sealed class RemoteAgentDiscoveryTests
{
    [Fact]
    public async Task The_agent_is_listed_on_first_use_and_again_every_poll_interval()
    {
        await using var server = await AgentTestServer.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var options = new RemoteAgentOptions { Endpoint = server.Address, TaskCategories = [new RemoteTaskCategory { TaskType = "echo_job", Version = 1 }] };
        await using var discovery = new RemoteAgentDiscovery(new Flyteidl.Service.AgentMetadataService.AgentMetadataServiceClient(server.Channel), options, time);

        Assert.False(await discovery.IsSyncAsync("echo_job", 1, CancellationToken.None));
        Assert.True(await discovery.IsSyncAsync("quick_check", 2, CancellationToken.None));
        Assert.Equal(1, discovery.Refreshes);

        var refreshed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        discovery.Refreshed += () => refreshed.TrySetResult();
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(1, discovery.Refreshes);
        time.Advance(TimeSpan.FromSeconds(1));
        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, discovery.Refreshes);
    }

    [Fact]
    public async Task An_unserved_category_names_what_the_agent_serves()
    {
        await using var server = await AgentTestServer.StartAsync();
        var options = new RemoteAgentOptions { Endpoint = server.Address, TaskCategories = [new RemoteTaskCategory { TaskType = "x" }] };
        await using var discovery = new RemoteAgentDiscovery(new Flyteidl.Service.AgentMetadataService.AgentMetadataServiceClient(server.Channel), options, TimeProvider.System);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => discovery.IsSyncAsync("x", 0, CancellationToken.None).AsTask());
        Assert.Contains("echo_job v1, echo_job_alt v1, quick_check v2", error.Message);
    }
}
