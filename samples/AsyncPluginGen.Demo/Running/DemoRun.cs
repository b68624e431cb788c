using AsyncPluginGen.Demo.Cli;
using AsyncPluginGen.Demo.Reporting;
using AsyncPluginGen.Samples.FakeServices;

namespace AsyncPluginGen.Demo.Running;

/// <summary>
/// One run: start the fake services and the host, submit the planned tasks at a steady arrival rate, abort the chosen
/// ones mid-flight, wait for every task to end, then ask each service to reconcile its jobs with the tasks' outcomes.
/// </summary>
internal static class DemoRun
{
    /// <summary>Tasks submitted per second: a workflow fanning out, rather than everything at once.</summary>
    private const int ArrivalsPerSecond = 200;

    public static async Task<DemoSummary> RunAsync(DemoOptions options, IProgressView view, CancellationToken cancellationToken)
    {
        await using var environment = await DemoEnvironment.StartAsync(options, cancellationToken).ConfigureAwait(false);
        // With a store, each run's tasks get names of their own, so they never meet the tasks an earlier run left behind.
        var execution = options.StorePath is null ? $"seed{options.Seed}" : $"seed{options.Seed}-{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var plan = WorkloadPlanner.Plan(environment.Lanes, options.Tasks, options.AbortFraction, options.Seed, execution);

        // The recovered tasks' jobs lived in the fake services of the earlier process, which are gone: abort them, which
        // ends them as soon as their Delete learns the job no longer exists.
        foreach (var recovered in environment.Recovered)
        {
            recovered.Abort();
        }

        var board = new TaskBoard(plan, environment.Lanes, environment.Metrics);

        using var ended = new CancellationTokenSource();
        var progress = view.RunAsync(board, ended.Token);
        var submitted = 0;
        try
        {
            submitted = await SubmitAsync(environment.Host, board, cancellationToken).ConfigureAwait(false);
            await WaitForAllAsync(board, submitted, options.Deadline, leaveInFlight: options.StorePath is not null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ended.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
        }

        var recoveredPhases = await RecoveredOutcomesAsync(environment.Recovered).ConfigureAwait(false);
        var handedOver = options.StorePath is not null && cancellationToken.IsCancellationRequested;
        return Summarize(options, environment, board, submitted, handedOver) with { Recovered = environment.Recovered.Count, RecoveredPhases = recoveredPhases };
    }

    private static async Task<Dictionary<string, int>> RecoveredOutcomesAsync(IReadOnlyList<TaskHandle> recovered)
    {
        try
        {
            await Task.WhenAll(recovered.Select(static t => (Task)t.Completion)).WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Counted as unfinished below.
        }

        return recovered.GroupBy(FinalPhase).ToDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal);
    }

    private static async Task<int> SubmitAsync(PluginHost host, TaskBoard board, CancellationToken cancellationToken)
    {
        var perTick = Math.Max(1, ArrivalsPerSecond / 10);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var submitted = 0;
        try
        {
            foreach (var chunk in board.Tasks.Chunk(perTick))
            {
                foreach (var task in chunk)
                {
                    var handle = host.Submit(task.Task);
                    board.Submitted(task, handle);
                    submitted++;
                    if (task.AbortAfter is { } after)
                    {
                        _ = AbortLaterAsync(handle, after, cancellationToken);
                    }
                }

                if (submitted < board.Tasks.Count)
                {
                    await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted (Ctrl+C): stop submitting; what was submitted is aborted below and still accounted for.
        }

        return submitted;
    }

    private static async Task AbortLaterAsync(TaskHandle handle, TimeSpan after, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(after, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: WaitForAllAsync aborts every task anyway.
        }

        handle.Abort();
    }

    // leaveInFlight: with a task store, an interrupted run leaves its tasks in flight (the store holds them, and the next
    // run with the same store recovers them); without one, it aborts them so that no remote job is left running.
    private static async Task WaitForAllAsync(TaskBoard board, int submitted, TimeSpan deadline, bool leaveInFlight, CancellationToken cancellationToken)
    {
        var completions = Enumerable.Range(0, submitted).Select(i => board.Handle(i)!.Completion).ToArray();
        var all = Task.WhenAll(completions);
        try
        {
            await all.WaitAsync(deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && leaveInFlight)
        {
            // Interrupted with a store: the host's stop leaves the tasks in the store, for the next run.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: abort everything still in flight, so no remote job is left running, and give the aborts time.
            for (var i = 0; i < submitted; i++)
            {
                board.Handle(i)!.Abort();
            }

            await all.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Whatever has not ended by the deadline is reported as lost.
        }
    }

    // handedOver: the run was interrupted and its unfinished tasks left in the task store for the next run.
    private static DemoSummary Summarize(DemoOptions options, DemoEnvironment environment, TaskBoard board, int submitted, bool handedOver)
    {
        var tasks = board.Tasks.Take(submitted).ToArray();
        var verdict = (TaskHandle handle) => ClientVerdicts.Of(handle) is ClientVerdict.Unfinished && handedOver ? ClientVerdict.HandedOver : ClientVerdicts.Of(handle);
        var plugins = environment.Lanes.Select(lane => SummarizeLane(lane, tasks.Where(t => t.Lane == lane).ToArray(), board, environment.Metrics)).ToArray();
        var services = environment.Lanes
            .GroupBy(l => l.Service)
            .Select(group => SummarizeService(group.Key, group.ToArray(), tasks, board, environment.Recovered, verdict))
            .ToArray();
        var total = new PluginSummary(
            "all",
            "all",
            plugins.Sum(p => p.Tasks),
            plugins.SelectMany(p => p.Phases).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal),
            plugins.Select(p => p.Calls).Aggregate(new CallCounts(0, 0, 0, 0), (a, b) => a + b),
            plugins.Sum(p => p.Throttled),
            plugins.Sum(p => p.Retried),
            Percentiles.Of(board.TimesToTerminal(null)));
        return new DemoSummary(
            options.Tasks,
            submitted,
            options.Seed,
            options.FaultRate,
            options.AbortFraction,
            Math.Round(board.Elapsed.TotalSeconds, 1),
            plugins,
            total,
            services,
            services.Sum(s => s.Leaked),
            services.Sum(s => s.Lost),
            options.ViaAgent)
        {
            LeftInStore = handedOver ? tasks.Count(t => !board.Handle(t.Index)!.Completion.IsCompleted) : 0,
        };
    }

    private static PluginSummary SummarizeLane(SampleLane lane, PlannedTask[] tasks, TaskBoard board, HostMetricsTap metrics)
    {
        var phases = tasks
            .GroupBy(t => FinalPhase(board.Handle(t.Index)!))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PluginSummary(
            lane.PluginId,
            lane.TaskType,
            tasks.Length,
            phases,
            new CallCounts(metrics.Calls(lane.PluginId, "create"), metrics.Calls(lane.PluginId, "get"), metrics.Calls(lane.PluginId, "delete"), metrics.Calls(lane.PluginId, "do")),
            metrics.Throttled(lane.PluginId),
            metrics.Retries(lane.PluginId),
            Percentiles.Of(board.TimesToTerminal(lane)));
    }

    private static ServiceSummary SummarizeService(FakeService service, SampleLane[] lanes, PlannedTask[] tasks, TaskBoard board, IReadOnlyList<TaskHandle> recovered, Func<TaskHandle, ClientVerdict> verdict)
    {
        var reconciled = tasks.Where(t => lanes.Contains(t.Lane) && t.Lane.KeyFor is not null).ToArray();

        // A recovered task whose Create was in doubt creates its job again (same key) to learn what to delete, so this
        // run's services see it too: its outcome is part of this run's claims.
        var recoveredOutcomes =
            from handle in recovered
            from lane in lanes
            where lane.PluginId == handle.PluginId && lane.KeyFor is not null
            select new ClientTaskOutcome(lane.KeyFor!(new TaskContext(lane.TaskType, handle.ExecutionId)), verdict(handle));
        var report = service.Reconcile(reconciled.Select(t => new ClientTaskOutcome(t.Lane.KeyFor!(t.Task), verdict(board.Handle(t.Index)!))).Concat(recoveredOutcomes));

        // A synchronous plugin runs no remote job the service could reconcile: the demo counts its unfinished tasks itself.
        var unfinishedSync = tasks
            .Where(t => lanes.Contains(t.Lane) && t.Lane.KeyFor is null && verdict(board.Handle(t.Index)!) == ClientVerdict.Unfinished)
            .Select(t => $"lost: the synchronous task {t.Task.UniqueName} never reached a final phase")
            .ToArray();
        var stats = service.GetStats();
        return new ServiceSummary(
            service.Name,
            report.JobsCreated,
            stats.Calls.Values.Sum(),
            stats.Throttled,
            stats.Faults.Values.Sum(),
            report.Leaked,
            report.Lost + unfinishedSync.Length,
            [.. report.Problems, .. unfinishedSync]);
    }

    private static string FinalPhase(TaskHandle handle) =>
        handle.Completion.IsCompletedSuccessfully ? handle.Completion.Result.Phase.Phase.ToString() : "Unfinished";
}
