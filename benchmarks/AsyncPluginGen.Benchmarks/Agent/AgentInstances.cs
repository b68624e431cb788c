using AsyncPluginGen.Benchmarks.FlyteAgent;
using AsyncPluginGen.Flyte.Agent;
using Flyteidl.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>
/// Agent service instances for the in-process handler benchmarks, each in a container of its own over
/// <see cref="BenchJobPlugin"/>, all sharing one signing key. The implementation is internal, so it is found by name and
/// built by the container, then called through its public base class.
/// </summary>
internal static class AgentInstances
{
    /// <summary>The key every instance signs with, so any of them opens the others' metas.</summary>
    public static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static AsyncAgentService.AsyncAgentServiceBase[] Create(int count, List<ServiceProvider> providers)
    {
        var implementation = typeof(AgentMetrics).Assembly.GetType("AsyncPluginGen.Flyte.Agent.AsyncAgentServiceImpl", throwOnError: true)!;
        var agents = new AsyncAgentService.AsyncAgentServiceBase[count];
        for (var i = 0; i < count; i++)
        {
            var provider = new ServiceCollection()
                .AddLogging()
                .AddMetrics()
                .AddAsyncPluginRegistry(new SinglePluginRegistry(PluginDescriptor.Of<BenchJobPlugin>()))
                .AddFlyteAgent(configure: o =>
                {
                    o.ResourceMeta.Keys["bench"] = Key;
                    o.ResourceMeta.ActiveKeyId = "bench";
                })
                .BuildServiceProvider();
            providers.Add(provider);
            agents[i] = (AsyncAgentService.AsyncAgentServiceBase)ActivatorUtilities.CreateInstance(provider, implementation);
        }

        return agents;
    }
}
