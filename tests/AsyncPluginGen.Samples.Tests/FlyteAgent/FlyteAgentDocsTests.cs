using AsyncPluginGen.FlyteAgent;
using Flyteidl.Admin;
using Flyteidl.Service;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Samples.Tests.FlyteAgent;

/// <summary>
/// docs/flyte-agent.md's C# blocks are the compiled files <c>MinimalAgent.cs</c> and <c>RemoteAgentExample.cs</c> of the
/// sample agent (tests/AsyncPluginGen.Docs.Tests checks the text, with every other doc block); here they run: the
/// minimal agent starts and serves the sample plugins.
/// </summary>
public sealed class FlyteAgentDocsTests
{
    [Fact]
    public async Task The_minimal_agent_starts_and_lists_the_sample_plugins()
    {
        var app = MinimalAgent.Build(
        [
            "--port", "0",
            "--warehouse-url", "http://127.0.0.1:9/", "--notebooks-url", "http://127.0.0.1:9/", "--training-url", "http://127.0.0.1:9/",
            "--FlyteAgent:ResourceMeta:ActiveKeyId", "k1",
            "--FlyteAgent:ResourceMeta:Keys:k1", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ]);
        await using (app)
        {
            await app.StartAsync();
            var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
            ListAgentsResponse agents;
            using (var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}"))
            {
                agents = await new AgentMetadataService.AgentMetadataServiceClient(channel).ListAgentsAsync(new ListAgentsRequest());
            }

            Assert.Equal(
                ["notebook_run", "training_image_check", "training_job", "warehouse_query"],
                agents.Agents.SelectMany(a => a.SupportedTaskCategories).Select(c => c.Name).Order());
            await app.StopAsync();
        }
    }

    [Fact]
    public void The_remote_agent_example_registers_a_catalog_with_the_category()
    {
        using var provider = new ServiceCollection().AddWarehouseAgent(new Uri("http://127.0.0.1:9")).BuildServiceProvider();
        var descriptor = provider.GetRequiredService<PluginCatalog>().GetDescriptor("warehouse_query");
        Assert.Equal(1, descriptor.Version);
        Assert.Equal(10, descriptor.Config.ReadRateLimiter.Qps);
    }
}
