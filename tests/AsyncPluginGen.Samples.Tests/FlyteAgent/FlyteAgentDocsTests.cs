using System.Text.RegularExpressions;
using AsyncPluginGen.FlyteAgent;
using AsyncPluginGen.Tests.Shared;
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
/// sample agent, to the character; and the minimal agent starts and serves the sample plugins.
/// </summary>
public sealed partial class FlyteAgentDocsTests
{
    [Theory]
    [InlineData("MinimalAgent", "MinimalAgent.cs")]
    [InlineData("RemoteAgent", "RemoteAgentExample.cs")]
    public void Each_csharp_block_of_the_page_is_a_compiled_file(string snippet, string file)
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "flyte-agent.md"));
        var block = DocBlock().Matches(docs).Single(m => m.Groups["name"].Value == snippet).Groups["code"].Value;
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "AsyncPluginGen.FlyteAgent", file));
        var region = Regex.Match(source, $"// <snippet:{snippet}>\\n(?<code>.*?)// </snippet:{snippet}>", RegexOptions.Singleline);
        Assert.True(region.Success, $"{file} has no snippet region {snippet}");
        Assert.Equal(region.Groups["code"].Value, block);
        Assert.Equal(docs.Split("```csharp").Length - 1, DocBlock().Matches(docs).Count);
    }

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

    [GeneratedRegex("<!-- snippet: (?<name>\\w+) -->\\n```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex DocBlock();
}
