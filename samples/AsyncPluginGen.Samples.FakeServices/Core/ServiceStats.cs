namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>What a fake service counted: the requests it received and the faults it injected.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Calls">Requests received, per endpoint (faulted ones included).</param>
/// <param name="Faults">Faults injected, per kind (throttles included).</param>
/// <param name="JobsCreated">Jobs created.</param>
/// <param name="LiveJobs">Jobs pending or running now.</param>
public sealed record ServiceStats(
    string Service,
    IReadOnlyDictionary<FakeEndpoint, long> Calls,
    IReadOnlyDictionary<InjectedFault, long> Faults,
    int JobsCreated,
    int LiveJobs)
{
    /// <summary>Requests the service answered with 429.</summary>
    public long Throttled => Faults.GetValueOrDefault(InjectedFault.Throttled);
}
