using AsyncPluginGen.Flyte.Client;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    public async Task An_agent_without_ListAgents_is_taken_to_serve_the_configured_categories_asynchronously()
    {
        // Propeller's fallback: an agent that answers UNIMPLEMENTED for ListAgents serves what the configuration names.
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
        builder.Services.AddGrpc();
        await using var app = builder.Build();
        app.MapGrpcService<AsyncServiceOnly>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(address);
        var options = new RemoteAgentOptions { Endpoint = new Uri(address), TaskCategories = [new RemoteTaskCategory { TaskType = "anything" }] };
        await using var discovery = new RemoteAgentDiscovery(new Flyteidl.Service.AgentMetadataService.AgentMetadataServiceClient(channel), options, TimeProvider.System);

        Assert.False(await discovery.IsSyncAsync("anything", 0, CancellationToken.None));
        Assert.Equal(0, discovery.Refreshes);
        await app.StopAsync();
    }

    [Fact]
    public async Task An_unserved_category_names_what_the_agent_serves()
    {
        await using var server = await AgentTestServer.StartAsync();
        var options = new RemoteAgentOptions { Endpoint = server.Address, TaskCategories = [new RemoteTaskCategory { TaskType = "x" }] };
        await using var discovery = new RemoteAgentDiscovery(new Flyteidl.Service.AgentMetadataService.AgentMetadataServiceClient(server.Channel), options, TimeProvider.System);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => discovery.IsSyncAsync("x", 0, CancellationToken.None).AsTask());
        Assert.Contains("echo_job v1, echo_job_alt v1, quick_check v2", error.Message);
    }

    /// <summary>An agent that serves the async service only: no AgentMetadataService, so ListAgents is UNIMPLEMENTED.</summary>
    private sealed class AsyncServiceOnly : Flyteidl.Service.AsyncAgentService.AsyncAgentServiceBase;
}
