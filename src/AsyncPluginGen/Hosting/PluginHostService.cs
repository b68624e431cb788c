using Microsoft.Extensions.Hosting;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Starts the <see cref="PluginHost"/> with the application, so a bad configuration fails start-up rather than the
/// first task, and stops it with the application within the host's shutdown timeout. It does not dispose the host:
/// the container that owns the singleton does.
/// </summary>
/// <param name="host">The host.</param>
public sealed class PluginHostService(PluginHost host) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => host.StartAsync(cancellationToken);

    /// <summary>Stops the host (see <see cref="PluginHost.StopAsync"/>): tasks in flight end, remote jobs are left running.</summary>
    /// <param name="cancellationToken">The application's shutdown timeout: bounds the wait for plugin calls in flight.</param>
    /// <returns>A task that completes when the host has stopped or the token is cancelled.</returns>
    public Task StopAsync(CancellationToken cancellationToken) => host.StopAsync(cancellationToken);
}
