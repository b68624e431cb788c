using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Serving while the application runs; not serving once it is stopping, so a Kubernetes gRPC probe takes the replica
/// out of its Service while in-flight calls drain.
/// </summary>
internal sealed class AgentHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    private static readonly Task<HealthCheckResult> Serving = Task.FromResult(HealthCheckResult.Healthy("serving"));
    private static readonly Task<HealthCheckResult> Draining = Task.FromResult(HealthCheckResult.Unhealthy("draining: the service is shutting down"));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? Draining : Serving;
}
