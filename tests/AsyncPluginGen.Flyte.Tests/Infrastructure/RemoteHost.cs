using AsyncPluginGen.Flyte.Client;
using AsyncPluginGen.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Flyte.Tests.Infrastructure;

/// <summary>A <see cref="PluginHost"/> whose only plugins are a remote agent's categories (echo_job v1, quick_check v2 by default).</summary>
public sealed class RemoteHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private RemoteHost(ServiceProvider provider, PluginHost host)
    {
        _provider = provider;
        Host = host;
    }

    public PluginHost Host { get; }

    public static RemoteHost Start(Uri agent, params RemoteTaskCategory[] categories)
    {
        var provider = new ServiceCollection()
            .AddRemoteAgent(o =>
            {
                o.Endpoint = agent;
                o.TaskCategories = categories.Length > 0
                    ? [.. categories]
                    : [new RemoteTaskCategory { TaskType = "echo_job", Version = 1 }, new RemoteTaskCategory { TaskType = "quick_check", Version = 2 }];
            })
            .BuildServiceProvider();
        var options = new PluginHostOptions { CreateRetries = new RetryPolicy { MaxAttempts = 1 } };
        return new RemoteHost(provider, new PluginHost(provider.GetRequiredService<PluginCatalog>(), provider, options));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
