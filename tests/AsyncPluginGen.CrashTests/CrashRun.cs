using System.Diagnostics;
using System.Globalization;
using AsyncPluginGen.CrashTests.Host;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Notebooks;
using AsyncPluginGen.Samples.FakeServices.Training;
using AsyncPluginGen.Samples.FakeServices.Warehouse;

namespace AsyncPluginGen.CrashTests;

/// <summary>
/// Runs the planned workload in child hosts, killing each at a moment of <see cref="KillMoment.Cycle"/> in turn until
/// <paramref name="kills"/> kills, then lets one run to the end; the fake services live here, and the run ends with
/// their reconciliation.
/// </summary>
/// <param name="tasks">How many planned tasks.</param>
/// <param name="seed">Seeds the plan, the services' faults and the kill moments.</param>
/// <param name="kills">How many times to kill the child.</param>
/// <param name="withStore">False: the child has no task store (the negative control).</param>
internal sealed class CrashRun(int tasks, int seed, int kills, bool withStore)
{
    public const double AbortFraction = 0.05;
    public const double FaultRate = 0.05;

    /// <summary>A kill that does not come this long after its run started is made at once (counted as a timeout).</summary>
    private static readonly TimeSpan MomentPatience = TimeSpan.FromSeconds(20);

    private readonly Random _random = new(seed);
    private readonly List<(string Name, string Outcome, DateTimeOffset At)> _outcomes = [];
    private readonly Dictionary<string, int> _killsByMoment = new(StringComparer.Ordinal);
    private readonly List<string> _recreated = [];
    private readonly IReadOnlyList<CrashTask> _plan = CrashPlan.Of(tasks, seed, AbortFraction);
    private int _runs;
    private int _kills;

    public async Task<CrashReport> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var directory = Directory.CreateTempSubdirectory("asyncplugingen-crash-").FullName;
        var store = withStore ? Path.Combine(directory, "tasks.db") : "none";
        var tap = new ServiceTap(_plan.ToDictionary(CrashPlan.KeyFor, t => t.Task.UniqueName, StringComparer.Ordinal));
        List<FakeService> services =
        [
            new WarehouseService(Options(1, tap)), new NotebookService(Options(2, tap)), new TrainingService(Options(3, tap)),
        ];
        try
        {
            foreach (var service in services)
            {
                await service.StartAsync();
            }

            string[] Args(string? kill) =>
            [
                store, .. services.Select(x => x.BaseAddress.ToString()), tasks.ToString(CultureInfo.InvariantCulture),
                seed.ToString(CultureInfo.InvariantCulture), AbortFraction.ToString(CultureInfo.InvariantCulture),
                _runs.ToString(CultureInfo.InvariantCulture), .. kill is null ? [] : new[] { kill },
            ];

            var done = false;
            for (var round = 0; _kills < kills && !done; round++)
            {
                var moment = KillMoment.Cycle[round % KillMoment.Cycle.Length];
                var nth = moment.IsRandom ? 0 : _random.Next(moment.MinCount, moment.MaxCount);
                var snapshot = withStore ? StoreSnapshot.Take(store, Path.Combine(directory, "snapshot")) : null;
                _runs++;
                var held = moment.Endpoint is { } endpoint ? tap.Arm(_runs, endpoint, moment.Stage, nth) : Task.Delay(Timeout.Infinite);
                using var child = ChildHost.Start(Args(moment.ChildKind is { } kind ? $"{kind}:{nth}" : null));
                var patience = moment.IsRandom ? TimeSpan.FromMilliseconds(1_500 + _random.Next(4_500)) : MomentPatience;
                var first = await Task.WhenAny(child.Exited, held, Task.Delay(patience));
                string how;
                if (first == child.Exited)
                {
                    await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
                    done = child.Done;

                    // A run that ends any other way than by its own kill switch is a failure of the host, not a crash we caused.
                    Assert.True(done || child.ExitCode == 137, $"seed {seed}: run {_runs} exited with {child.ExitCode}.\n{child.Tail()}");
                    how = moment.Name;
                }
                else
                {
                    child.Kill();
                    how = first == held ? moment.Name : moment.IsRandom ? "random" : $"timeout waiting for: {moment.Name}";
                }

                tap.Release();
                await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
                if (!done)
                {
                    _kills++;
                    _killsByMoment[how] = _killsByMoment.GetValueOrDefault(how) + 1;
                }

                await CollectAsync(child, snapshot, tap, _runs);
            }

            // The last run goes to the end.
            while (!done)
            {
                var snapshot = withStore ? StoreSnapshot.Take(store, Path.Combine(directory, "snapshot")) : null;
                _runs++;
                using var child = ChildHost.Start(Args(null));
                if (await Task.WhenAny(child.Exited, Task.Delay(TimeSpan.FromMinutes(3))) != child.Exited)
                {
                    child.Kill();
                    Assert.Fail($"seed {seed}: the final run did not finish within 3 minutes.\n{child.Tail()}");
                }

                await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
                done = child.Done;
                Assert.True(done, $"seed {seed}: the final run exited with {child.ExitCode} without finishing.\n{child.Tail()}");
                await CollectAsync(child, snapshot, tap, _runs);
            }

            return Reconciliation.Of(seed, _plan, _outcomes, services, tap, _recreated, _runs, _kills, _killsByMoment, clock.Elapsed);
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private FakeServiceOptions Options(int salt, ServiceTap tap) => new()
    {
        Seed = HashCode.Combine(seed, salt),
        FaultRate = FaultRate,
        JobFailureRate = 0.05,
        MinLatency = TimeSpan.FromMilliseconds(2),
        MaxLatency = TimeSpan.FromMilliseconds(15),
        PendingDuration = TimeSpan.FromMilliseconds(300),
        MinJobDuration = TimeSpan.FromMilliseconds(500),
        MaxJobDuration = TimeSpan.FromSeconds(3),
        StopDuration = TimeSpan.FromMilliseconds(300),
        OnRequest = tap.Observer,
    };

    /// <summary>
    /// Keeps the run's outcomes, and finds the tasks it asked to Create although the store it started from recorded
    /// them as created: with a service that is not idempotent, each would be a second job.
    /// </summary>
    private async Task CollectAsync(ChildHost child, StoreSnapshot? snapshot, ServiceTap tap, int run)
    {
        _outcomes.AddRange(child.Outcomes);
        if (snapshot is not null)
        {
            var submitted = child.Submitted;
            foreach (var name in await snapshot.CreatedAsync(tap.CreatesOf(run)))
            {
                var why = submitted.Contains(name) ? "the host did not find it, so it was submitted anew" : "the host had it";
                _recreated.Add($"run {run} asked to Create task {name}, which the store it started from recorded as created ({why}; {await snapshot.DescribeAsync(name)})");
            }
        }
        else if (!withStore && run > 1)
        {
            // Without a store, every task a killed run had created and that is Created again is one.
            var before = Enumerable.Range(1, run - 1).SelectMany(tap.CreatesOf).ToHashSet(StringComparer.Ordinal);
            _recreated.AddRange(tap.CreatesOf(run).Distinct(StringComparer.Ordinal).Where(before.Contains).Select(n => $"run {run} created {n} again"));
        }
    }
}
