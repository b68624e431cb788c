using System.Text;
using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Warehouse;
using AsyncPluginGen.Samples.Tests.Infrastructure;
using AsyncPluginGen.Samples.Warehouse;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Samples.Tests.Warehouse;

/// <summary>Fake-service settings, tasks and waits shared by the warehouse tests.</summary>
internal static class WarehouseTestKit
{
    public const string Project = WarehouseQueryPlugin.DefaultProjectId;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Jobs that are already DONE when the insert answers, so SyncOnCreate gives the final phase at once.</summary>
    public static FakeServiceOptions Instant(double jobFailureRate = 0, double faultRate = 0, int seed = 1) => new()
    {
        Seed = seed,
        FaultRate = faultRate,
        JobFailureRate = jobFailureRate,
        PendingDuration = TimeSpan.Zero,
        MinJobDuration = TimeSpan.Zero,
        MaxJobDuration = TimeSpan.Zero,
        MinLatency = TimeSpan.Zero,
        MaxLatency = TimeSpan.FromMilliseconds(2),
    };

    /// <summary>Jobs that stay PENDING (or, with <paramref name="pending"/> false, RUNNING) for the whole test.</summary>
    public static FakeServiceOptions LongRunning(bool pending, TimeSpan? stopDuration = null) => new()
    {
        FaultRate = 0,
        JobFailureRate = 0,
        PendingDuration = pending ? TimeSpan.FromHours(1) : TimeSpan.Zero,
        MinJobDuration = TimeSpan.FromHours(1),
        MaxJobDuration = TimeSpan.FromHours(1),
        StopDuration = stopDuration ?? TimeSpan.Zero,
        MinLatency = TimeSpan.Zero,
        MaxLatency = TimeSpan.FromMilliseconds(2),
    };

    public static Task<SampleHarness<WarehouseService>> StartAsync(FakeServiceOptions options, PluginHostOptions? hostOptions = null) =>
        SampleHarness<WarehouseService>.StartAsync(
            new WarehouseService(options),
            (services, http) => services.AddSingleton(new WarehouseClient(http)).AddAsyncPluginGenSamplesPlugins(),
            hostOptions);

    public static TaskContext Query(string nodeId, string query = "SELECT 1", string? projectId = null) =>
        WithInputs(nodeId, JsonSerializer.SerializeToElement(new WarehouseQueryInputs(query, projectId), Web));

    public static TaskContext WithInputs(string nodeId, JsonElement inputs) =>
        new(WarehouseQueryPlugin.TaskType, new TaskExecutionId("flytesnacks", "development", "exec-1", nodeId)) { Inputs = inputs };

    // Field names written out as BigQuery spells them, rather than borrowed from the client's types.
    public static StringContent InsertBody(string jobId, string query = "SELECT 1") => new(
        JsonSerializer.Serialize(new
        {
            jobReference = new { projectId = Project, jobId },
            configuration = new { query = new { query, useLegacySql = false } },
        }),
        Encoding.UTF8,
        "application/json");

    /// <summary>Waits for the first phase event that satisfies <paramref name="until"/>, failing after 30 s.</summary>
    public static async Task<PhaseEvent> WaitForAsync(TaskHandle handle, Func<PhaseEvent, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var phaseEvent in handle.WatchAsync(timeout.Token))
        {
            if (until(phaseEvent))
            {
                return phaseEvent;
            }
        }

        throw new InvalidOperationException($"Task {handle.UniqueName} ended in {handle.Phase} without the awaited phase event.");
    }

    /// <summary>How the service should judge a task that ended with <paramref name="result"/>.</summary>
    public static ClientVerdict VerdictOf(TaskResult result) => result.Phase.Phase switch
    {
        TaskPhase.Success => ClientVerdict.Succeeded,
        TaskPhase.Aborted => ClientVerdict.Aborted,
        TaskPhase.RetryableFailure or TaskPhase.PermanentFailure => ClientVerdict.Failed,
        _ => ClientVerdict.Unfinished,
    };
}
