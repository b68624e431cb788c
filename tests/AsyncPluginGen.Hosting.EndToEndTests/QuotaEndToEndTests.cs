using System.Collections.Concurrent;
using System.Globalization;
using AsyncPluginGen.JobService;
using Xunit.Abstractions;

namespace AsyncPluginGen.Hosting.EndToEndTests;

/// <summary>The quota, measured by the service as the most jobs running at once.</summary>
public sealed class QuotaEndToEndTests(ITestOutputHelper output)
{
    private const int Quota = 10;
    private const int Tasks = 20;

    [Fact]
    public async Task Jobs_running_at_once_never_exceed_the_quota_under_faults()
    {
        await using var harness = await EndToEndHarness.StartAsync(
            new JobServiceOptions
            {
                Seed = 11,
                ServerErrorProbability = 0.10,
                DroppedResponseProbability = 0.05,
                LatencyJitter = TimeSpan.FromMilliseconds(10),
                FaultEndpoints = JobEndpoints.Create | JobEndpoints.Cancel, // a failed Get would cost a whole resync interval
            },
            new PluginHostOptions
            {
                CreateRetries = new RetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(500) },
                DeleteRetries = new RetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(500) },
                Plugins =
                {
                    [EndToEndHarness.PluginId] = new PluginConfigOverride
                    {
                        WriteQps = 50,
                        WriteBurst = 50,
                        ReadQps = 50,
                        ReadBurst = 50,
                        ResyncInterval = TimeSpan.FromSeconds(5),
                        MaxSystemFailures = 10,
                        ResourceQuotas = { [JobPlugin.QuotaNamespace] = Quota },
                    },
                },
            },
            httpTimeout: TimeSpan.FromSeconds(5));
        var waited = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        harness.Host.PhaseChanged += e =>
        {
            if (e.Phase.Phase == TaskPhase.WaitingForResources)
            {
                waited.TryAdd(e.ExecutionId.GeneratedName, e.Phase.Reason);
            }
        };

        // Jobs of 1.5 s, all submitted at once: the first ten run together, the others wait for quota tokens.
        var handles = Enumerable.Range(0, Tasks)
            .Select(i => harness.Host.Submit(EndToEndHarness.Job("quota", "n" + i.ToString(CultureInfo.InvariantCulture), 1500)))
            .ToList();
        var results = await Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(TimeSpan.FromSeconds(40));
        var stats = harness.Service.GetStats();

        output.WriteLine($"tasks {Tasks}; quota {Quota}; max concurrent live jobs {stats.MaxConcurrentLiveJobs}; tasks that waited for quota {waited.Count}; " +
                         $"faults {stats.TotalFaults} (ServerError {stats.FaultCount(FaultKind.ServerError)}, DroppedResponse {stats.FaultCount(FaultKind.DroppedResponse)}); " +
                         $"jobs {stats.JobsCreated}; duplicates {stats.DuplicateKeys}; live at the end {stats.LiveJobs}");
        Assert.All(results, r => Assert.Equal(TaskPhase.Success, r.Phase.Phase));
        Assert.InRange(stats.MaxConcurrentLiveJobs, 1, Quota);
        Assert.NotEmpty(waited);
        Assert.All(waited.Values, reason => Assert.Equal(HostReasons.WaitingForQuota, reason));
        Assert.Equal(Tasks, stats.JobsCreated);
        Assert.Equal(0, stats.DuplicateKeys);
        Assert.Equal(0, stats.LiveJobs);
        Assert.Equal(0, harness.Resources.HeldCount(new ResourceNamespace(JobPlugin.QuotaNamespace)));
    }
}
