using System.Globalization;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Notebooks;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Tests.Infrastructure;

namespace AsyncPluginGen.Samples.Tests.Notebooks;

/// <summary>
/// Many notebook runs against a service that answers 500, 503 and 429 and loses responses after doing the work. The
/// service, not the test, judges the outcome: every task ends, no run is left running, and no run is unaccounted for.
/// </summary>
public sealed class NotebookRunFaultTests
{
    private const int Tasks = 30;
    private const double FaultRate = 0.2;

    [Fact]
    public async Task Runs_under_transient_faults_all_end_without_leaks_or_lost_tasks()
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Instant(jobFailureRate: 0.3, faultRate: FaultRate, seed: 20250101));
        var tasks = Enumerable.Range(0, Tasks)
            .Select(i => NotebookTestKit.Task("n" + i.ToString("D2", CultureInfo.InvariantCulture), new NotebookRunInputs("/Shared/etl/daily")))
            .ToList();

        var results = await Task.WhenAll(tasks.Select(t => harness.Host.Submit(t).Completion)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.True(r.Phase.IsTerminal, r.Phase.ToString()));
        var report = harness.Service.Reconcile(tasks.Zip(results, NotebookTestKit.Outcome));
        Assert.True(report.Leaked == 0 && report.Lost == 0, string.Join("\n", report.Problems));
        Assert.True(harness.Service.GetStats().Faults.Values.Sum() > 0, "no fault was injected: the test proves nothing");
        Assert.Contains(results, r => r.Phase.Phase == TaskPhase.Success);
        Assert.Contains(results, r => r.Phase.Error?.Code == NotebookRunPlugin.RunFailedCode);
    }

    [Fact]
    public async Task Runs_aborted_under_transient_faults_are_all_cancelled()
    {
        await using var harness = await NotebookTestKit.StartAsync(NotebookTestKit.Endless(faultRate: FaultRate, seed: 20250102));
        var tasks = Enumerable.Range(0, Tasks / 2)
            .Select(i => NotebookTestKit.Task("a" + i.ToString("D2", CultureInfo.InvariantCulture), new NotebookRunInputs("/Shared/etl/daily")))
            .ToList();
        var handles = tasks.Select(t => harness.Host.Submit(t)).ToList();

        await Task.WhenAll(handles.Select(NotebookTestKit.CreatedAsync));
        foreach (var handle in handles)
        {
            handle.Abort();
        }

        var results = await Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.True(r.Phase.IsTerminal, r.Phase.ToString()));
        Assert.All(harness.Service.Ledger.Jobs(), job => Assert.Equal(RemoteJobState.Stopped, job.State));
        var report = harness.Service.Reconcile(tasks.Zip(results, NotebookTestKit.Outcome));
        Assert.True(report.Leaked == 0 && report.Lost == 0, string.Join("\n", report.Problems));
        Assert.True(harness.Service.GetStats().Faults.Values.Sum() > 0, "no fault was injected: the test proves nothing");
    }
}
