using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Notebooks;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Samples.Tests.Notebooks;

/// <summary>What the notebook tests share: service options, harness start-up, tasks and verdicts.</summary>
internal static class NotebookTestKit
{
    public static readonly JsonSerializerOptions InputOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A run is over by the time submit answers, so SyncOnCreate gives the final phase without a resync.</summary>
    public static FakeServiceOptions Instant(double jobFailureRate = 0, double faultRate = 0, int seed = 1) => new()
    {
        Seed = seed,
        FaultRate = faultRate,
        JobFailureRate = jobFailureRate,
        PendingDuration = TimeSpan.Zero,
        MinJobDuration = TimeSpan.Zero,
        MaxJobDuration = TimeSpan.Zero,
    };

    /// <summary>Runs that last far longer than any test, so only a cancel ends them.</summary>
    public static FakeServiceOptions Endless(double faultRate = 0, int seed = 1, TimeSpan? pending = null) => new()
    {
        Seed = seed,
        FaultRate = faultRate,
        JobFailureRate = 0,
        PendingDuration = pending ?? TimeSpan.Zero,
        MinJobDuration = TimeSpan.FromHours(1),
        MaxJobDuration = TimeSpan.FromHours(1),
    };

    public static Task<SampleHarness<NotebookService>> StartAsync(FakeServiceOptions options) =>
        SampleHarness<NotebookService>.StartAsync(
            new NotebookService(options),
            (services, http) => services.AddSingleton(new NotebookClient(http)).AddAsyncPluginGenSamplesPlugins());

    public static TaskContext Task(string node, NotebookRunInputs inputs, string execution = "exec") =>
        Task(node, JsonSerializer.SerializeToElement(inputs, InputOptions), execution);

    public static TaskContext Task(string node, JsonElement inputs, string execution = "exec") =>
        new(NotebookRunPlugin.TaskType, new TaskExecutionId("analytics", "development", execution, node)) { Inputs = inputs };

    public static ClientTaskOutcome Outcome(TaskContext task, TaskResult result) => new(
        NotebookRunPlugin.KeyFor(task),
        result.Phase.Phase switch
        {
            TaskPhase.Success => ClientVerdict.Succeeded,
            TaskPhase.Aborted => ClientVerdict.Aborted,
            TaskPhase.RetryableFailure or TaskPhase.PermanentFailure => ClientVerdict.Failed,
            _ => ClientVerdict.Unfinished,
        });

    /// <summary>Waits until the host has created the task's run (or the task has ended without one).</summary>
    public static async Task CreatedAsync(TaskHandle handle)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var change in handle.WatchAsync(bound.Token))
        {
            if (change.State == PluginState.ResourcesCreated)
            {
                return;
            }
        }
    }
}
