using System.Diagnostics;
using System.Text.Json;
using AsyncPluginGen.AotSample.Cli;
using AsyncPluginGen.AotSample.Reporting;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Warehouse;
using AsyncPluginGen.Samples.Warehouse;

namespace AsyncPluginGen.AotSample.Running;

/// <summary>
/// One run: build the services and resolve the host (timed first, before anything else warms up dependency
/// injection), start the fake BigQuery service on 127.0.0.1, submit every task, abort every tenth once its job
/// exists, wait for all of them, then let the service reconcile its jobs with the tasks' outcomes.
/// </summary>
internal static class AotSampleRun
{
    private const string Query = "SELECT country, COUNT(*) AS orders FROM shop.orders GROUP BY country";

    /// <summary>
    /// A quiet, well-behaved service: no injected faults and no failed jobs, so every task's final phase is known in
    /// advance. Jobs run long enough (at least 0.6 s) that an abort right after Create always finds them running.
    /// </summary>
    private static readonly FakeServiceOptions ServiceOptions = new()
    {
        Seed = 1,
        FaultRate = 0,
        JobFailureRate = 0,
        MinLatency = TimeSpan.FromMilliseconds(1),
        MaxLatency = TimeSpan.FromMilliseconds(5),
        PendingDuration = TimeSpan.FromMilliseconds(100),
        MinJobDuration = TimeSpan.FromMilliseconds(500),
        MaxJobDuration = TimeSpan.FromSeconds(1),
    };

    public static async Task<(RunSummary Summary, StartupTimings Timings)> RunAsync(AotSampleOptions options, MainClock clock, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var (provider, host, registry) = SampleServices.Start(http);
        await using var _ = provider.ConfigureAwait(false);

        var serviceStarted = Stopwatch.GetTimestamp();
        var service = new WarehouseService(ServiceOptions);
        await using var __ = service.ConfigureAwait(false);
        await service.StartAsync(cancellationToken).ConfigureAwait(false);
        http.BaseAddress = service.BaseAddress;
        var serviceStart = Stopwatch.GetElapsedTime(serviceStarted);

        var tasks = Plan(options.Tasks);
        var submitted = Stopwatch.GetTimestamp();
        var handles = new TaskHandle[tasks.Length];
        var aborts = new List<Task>();
        for (var i = 0; i < tasks.Length; i++)
        {
            handles[i] = host.Submit(tasks[i].Task);
            if (tasks[i].AbortOnceCreated)
            {
                aborts.Add(AbortOnceCreatedAsync(handles[i], cancellationToken));
            }
        }

        var completions = handles.Select(h => h.Completion).ToArray();
        var firstTerminal = Task.WhenAny(completions).ContinueWith(_ => clock.Elapsed(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        TimeSpan? first = null;
        try
        {
            await Task.WhenAll(completions).WaitAsync(options.Deadline, cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(aborts).ConfigureAwait(false);
            // Every task has ended, so the first one has too; awaiting, not peeking, waits for its continuation.
            first = await firstTerminal.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Whatever has not ended by the deadline is reported as unfinished and lost.
            first = firstTerminal.IsCompletedSuccessfully ? firstTerminal.Result : null;
        }

        var elapsed = Stopwatch.GetElapsedTime(submitted);
        var summary = Summarize(tasks, handles, service, elapsed);
        var timings = new StartupTimings(clock.ProcessStartToMain(), registry, serviceStart, first, clock.Elapsed());
        return (summary, timings);
    }

    private static SampleTask[] Plan(int count)
    {
        var inputs = JsonSerializer.SerializeToElement(new WarehouseQueryInputs(Query), SampleJsonContext.Default.WarehouseQueryInputs);
        var run = Guid.NewGuid().ToString("N")[..8];
        return Enumerable.Range(0, count)
            .Select(i =>
            {
                var abort = i % 10 == 9;
                var task = new TaskContext(WarehouseQueryPlugin.TaskType, new TaskExecutionId("aot-sample", "development", "run" + run, "n" + i)) { Inputs = inputs };
                return new SampleTask(task, abort, abort ? TaskPhase.Aborted : TaskPhase.Success);
            })
            .ToArray();
    }

    /// <summary>Aborts the task once its remote job exists, so the abort goes through the plugin's Delete (a BigQuery cancel).</summary>
    private static async Task AbortOnceCreatedAsync(TaskHandle handle, CancellationToken cancellationToken)
    {
        await foreach (var change in handle.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            if (change.State == PluginState.ResourcesCreated)
            {
                handle.Abort();
                return;
            }
        }
    }

    private static RunSummary Summarize(SampleTask[] tasks, TaskHandle[] handles, WarehouseService service, TimeSpan elapsed)
    {
        var finals = handles.Select(h => h.Completion.IsCompletedSuccessfully ? h.Completion.Result.Phase.Phase.ToString() : "Unfinished").ToArray();
        var problems = new List<string>();
        for (var i = 0; i < tasks.Length; i++)
        {
            if (finals[i] != tasks[i].Expected.ToString())
            {
                var message = handles[i].Completion.IsCompletedSuccessfully ? handles[i].Completion.Result.Phase.Reason : null;
                problems.Add($"task {tasks[i].Task.UniqueName} ended {finals[i]}, expected {tasks[i].Expected}" + (message is null ? "" : $" ({message})"));
            }
        }

        var unexpected = problems.Count;
        var report = service.Reconcile(tasks.Select((t, i) => new ClientTaskOutcome(WarehouseQueryPlugin.KeyFor(t.Task), ClientVerdicts.Of(handles[i]))));
        problems.AddRange(report.Problems);
        var stats = service.GetStats();
        return new RunSummary(
            RuntimeKind.Describe(),
            tasks.Length,
            Count(finals),
            Count(tasks.Select(t => t.Expected.ToString())),
            unexpected,
            report.JobsCreated,
            stats.Calls.Values.Sum(),
            report.Leaked,
            report.Lost,
            problems,
            elapsed);
    }

    private static Dictionary<string, int> Count(IEnumerable<string> phases) =>
        phases.GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
