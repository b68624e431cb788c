using System.Net;
using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>The host's instruments on meter "AsyncPluginGen.Host", collected with MetricCollector from the host's meter factory.</summary>
public sealed class MetricsTests
{
    private static readonly KeyValuePair<string, object?> PluginTag = new("plugin", ScriptedPlugin.Id);
    private static readonly KeyValuePair<string, object?> NamespaceTag = new("namespace", ScriptedPlugin.QuotaNamespace);
    private static readonly KeyValuePair<string, object?> TaskTypeTag = new("task_type", ScriptedPlugin.TaskType);

    [Fact]
    public async Task QuotaInstruments_CountGrantsWaitsAndReleases_AndRecordTheWaitTime()
    {
        await using var h = new HostHarness(s =>
        {
            s.Quota(1);
            s.Scripted.Workers = 1;
        });
        using var granted = Collector<long>(h, "allocation_grant_success");
        using var refused = Collector<long>(h, "allocation_grant_failed");
        using var released = Collector<long>(h, "resource_release_success");
        using var releaseFailed = Collector<long>(h, "resource_release_failed");
        using var waited = Collector<double>(h, "resource_wait_time");
        h.Script("a").GetStates("RUNNING", "DONE");
        h.Script("b").GetStates("RUNNING", "DONE");

        var a = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        var b = h.Submit("b");
        await h.WaitForPhaseAsync("b", TaskPhase.WaitingForResources);
        h.Submit("probe"); // the only worker takes it after b: b is in the wait queue by then
        await h.WaitForPhaseAsync("probe", TaskPhase.WaitingForResources);
        h.AdvanceTo(At(5)); // a ends; b gets the token 5 s after it started waiting
        await h.CompletionAsync(a);
        await h.WaitForPhaseAsync("b", TaskPhase.Running);
        h.AdvanceTo(At(10));
        await h.CompletionAsync(b);
        await h.WaitForPhaseAsync("probe", TaskPhase.Queued, "Allocation token required"); // 10 s after it started waiting

        Assert.Equal(3, granted.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(granted.GetMeasurementSnapshot(), m => Assert.True(m.MatchesTags(PluginTag, NamespaceTag)));
        Assert.True(refused.GetMeasurementSnapshot().Sum(m => m.Value) >= 1);
        Assert.All(refused.GetMeasurementSnapshot(), m => Assert.True(m.MatchesTags(PluginTag, NamespaceTag)));
        Assert.Equal(2, released.GetMeasurementSnapshot().Sum(m => m.Value)); // the probe still holds its token
        Assert.All(released.GetMeasurementSnapshot(), m => Assert.True(m.MatchesTags(PluginTag, NamespaceTag)));
        Assert.Empty(releaseFailed.GetMeasurementSnapshot());
        Assert.Equal([0d, 5000d, 10000d], waited.GetMeasurementSnapshot().Select(m => m.Value).Order());
        Assert.Equal("ms", waited.Instrument!.Unit);
    }

    [Fact]
    public async Task SyncErrors_CountFailedGets_PerPlugin()
    {
        await using var h = new HostHarness(s => s.Scripted.MaxSystemFailures = 1);
        using var syncErrors = Collector<long>(h, "sync_errors");
        h.Script("a").GetAlwaysThrows = () => new HttpRequestException("down");

        var handle = h.Submit("a");
        await h.Spans.WaitAsync("a", "Get", 1);
        h.AdvanceTo(At(5));
        await h.CompletionAsync(handle);

        var measurements = syncErrors.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Sum(m => m.Value));
        Assert.All(measurements, m => Assert.True(m.MatchesTags(PluginTag)));
    }

    [Fact]
    public async Task OperationDuration_IsMeasuredOnTheHostsClock_PerPluginTaskTypeAndOperation()
    {
        await using var h = new HostHarness();
        using var duration = Collector<double>(h, "asyncplugin.operation.duration");
        var gate = Wait.Gate();
        h.Script("a").OnCreate(Steps.After(gate, Steps.Return<JobResource?>(null)));

        var handle = h.Submit("a");
        await h.Calls.WaitAsync("a", Op.Create, 1);
        h.AdvanceBy(TimeSpan.FromSeconds(2)); // the Create takes 2 s of fake time
        gate.SetResult();
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.True(handle.Abort());
        await h.CompletionAsync(handle);

        var byOperation = duration.GetMeasurementSnapshot().ToLookup(m => m.Tags["operation"] as string);
        Assert.Equal(2.0, Assert.Single(byOperation["create"]).Value);
        Assert.Equal(0.0, Assert.Single(byOperation["get"]).Value);
        Assert.Single(byOperation["status"]);
        Assert.Single(byOperation["delete"]);
        Assert.All(duration.GetMeasurementSnapshot(), m => Assert.True(m.ContainsTags(PluginTag, TaskTypeTag)));
        Assert.Equal("s", duration.Instrument!.Unit);
    }

    [Fact]
    public async Task OperationErrors_AreCountedWithTheirErrorCode_PerOperation()
    {
        await using var h = new HostHarness(s =>
        {
            s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 1 };
            s.Options.CreateRetries = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromSeconds(1) };
        });
        using var errors = Collector<long>(h, "asyncplugin.operation.errors");
        h.Script("a").OnCreate(Steps.Throw<JobResource?>(Steps.Http(HttpStatusCode.ServiceUnavailable)));
        h.Script("a").OnGet(Steps.Throw<JobResource>(new TimeoutException("slow")), Steps.Return(new JobResource("THROW")));
        h.Script("d").DeleteAlwaysThrows = () => new InvalidOperationException("cannot delete");

        var a = h.Submit("a");
        await h.Spans.WaitAsync("a", "Create", 1);
        h.AdvanceTo(At(1)); // Create retried; the Get right after it times out
        await h.Spans.WaitAsync("a", "Get", 1);
        h.AdvanceTo(At(5)); // resync: Get returns a resource Status throws on
        await h.CompletionAsync(a);
        var d = h.Submit("d");
        await h.WaitForPhaseAsync("d", TaskPhase.Running);
        Assert.True(d.Abort());
        await h.CompletionAsync(d);

        var codes = errors.GetMeasurementSnapshot()
            .Select(m => ((string?)m.Tags["operation"], (string?)m.Tags["error_code"], m.Value))
            .ToList();
        Assert.Equal(
            [("create", "503", 1L), ("delete", "InvalidOperationException", 1L), ("get", "TimeoutException", 1L), ("status", "SystemError", 1L)],
            codes.Order());
        Assert.All(errors.GetMeasurementSnapshot(), m => Assert.True(m.ContainsTags(PluginTag, TaskTypeTag)));
    }

    [Fact]
    public async Task Retries_AreCountedPerOperation_WhenATransientFailureSchedulesAnotherAttempt()
    {
        await using var h = new HostHarness(s =>
        {
            s.Options.CreateRetries = new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromSeconds(1) };
            s.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromSeconds(1) };
        });
        using var retries = Collector<long>(h, "asyncplugin.operation.retries");
        var unavailable = Steps.Throw<JobResource?>(Steps.Http(HttpStatusCode.ServiceUnavailable));
        h.Script("a").OnCreate(unavailable, unavailable); // the third attempt succeeds
        h.Script("a").DeleteAlwaysThrows = () => new HttpRequestException("reset");

        var a = h.Submit("a");
        await h.Spans.WaitAsync("a", "Create", 1);
        h.AdvanceTo(At(1));
        await h.Spans.WaitAsync("a", "Create", 2);
        h.AdvanceTo(At(3));
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        Assert.True(a.Abort());
        await h.Spans.WaitAsync("a", "Delete", 1);
        h.AdvanceTo(At(4)); // the second and last Delete attempt
        await h.CompletionAsync(a);

        var byOperation = retries.GetMeasurementSnapshot().ToLookup(m => (string?)m.Tags["operation"], m => m.Value);
        Assert.Equal(2, byOperation["create"].Sum());
        Assert.Equal(1, byOperation["delete"].Sum()); // the last failed attempt is given up, not retried
        Assert.All(retries.GetMeasurementSnapshot(), m => Assert.True(m.ContainsTags(PluginTag, TaskTypeTag)));
    }

    [Fact]
    public async Task Throttled_CountsEachCallThatWaitsForARateLimitPermit_PerLimiter()
    {
        await using var h = new HostHarness(s =>
        {
            s.Scripted.WriteQps = 1;
            s.Scripted.WriteBurst = 5;
        });
        using var throttled = Collector<long>(h, "asyncplugin.ratelimit.throttled");
        for (var i = 0; i < 8; i++)
        {
            h.Submit($"t{i}");
        }

        await h.Calls.WaitAsync(Op.Create, 5);
        await throttled.WaitForMeasurementsAsync(3, Wait.Timeout); // the three Creates beyond the burst queue for a permit
        for (var n = 6; n <= 8; n++)
        {
            h.AdvanceTo(At(n - 5));
            await h.Calls.WaitAsync(Op.Create, n);
        }

        var measurements = throttled.GetMeasurementSnapshot();
        Assert.Equal(3, measurements.Sum(m => m.Value)); // the burst of 5 went out at once; 3 Creates waited
        Assert.All(measurements, m => Assert.True(m.MatchesTags(PluginTag, new("limiter", "write"))));
    }

    [Fact]
    public async Task CacheSize_GaugesTheTasksBeingPolled()
    {
        await using var h = new HostHarness();
        using var size = Collector<int>(h, "cache_size");
        h.Script("a").GetStates("RUNNING", "DONE");

        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);
        size.RecordObservableInstruments();
        Assert.Equal(1, size.LastMeasurement?.Value);
        Assert.True(size.LastMeasurement!.MatchesTags(PluginTag));

        h.AdvanceTo(At(5));
        await h.CompletionAsync(handle);
        size.RecordObservableInstruments();
        Assert.Equal(0, size.LastMeasurement?.Value);
    }

    [Fact]
    public async Task Meter_IsNamedAsyncPluginGenHost()
    {
        await using var h = new HostHarness();
        using var granted = Collector<long>(h, "allocation_grant_success");

        Assert.Equal("AsyncPluginGen.Host", HostMetrics.MeterName);
        Assert.Equal("AsyncPluginGen.Host", granted.Instrument?.Meter.Name);
    }

    private static MetricCollector<T> Collector<T>(HostHarness h, string instrument)
        where T : struct =>
        new(h.Meters, HostMetrics.MeterName, instrument);
}
