using Microsoft.Extensions.Hosting;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Starts the <see cref="PluginHost"/> with the application, so a bad configuration fails start-up rather than the
/// first task, and stops it with the application.
/// </summary>
/// <param name="host">The host.</param>
public sealed class PluginHostService(PluginHost host) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        host.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => host.DisposeAsync().AsTask();
}
