using System.Diagnostics;
using System.Globalization;
using AsyncPluginGen.CrashTests.Host;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Notebooks;
using AsyncPluginGen.Samples.FakeServices.Training;
using AsyncPluginGen.Samples.FakeServices.Warehouse;
using Xunit.Abstractions;

namespace AsyncPluginGen.CrashTests;

/// <summary>
/// The host in a child process with a SQLite task store, SIGKILLed at least 10 times (while a Create request is in
/// flight, while a Delete request is, inside a group commit, and at random moments) and restarted each time, over 2,000
/// tasks with 5% faults and 5% aborts; the fake services live here and survive. At the end every task has ended, and
/// the services agree: no job lost, duplicated or leaked, each task's outcome the same however often it was reported.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Tasks = 2_000;
    private const double AbortFraction = 0.05;
    private static readonly string[] Modes = ["create", "delete", "save", "random"];

    [Fact]
    public async Task KilledAgainAndAgain_EveryTaskEndsOnce_AndNoJobIsLostDuplicatedOrLeaked()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261205;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var directory = Directory.CreateTempSubdirectory("asyncplugingen-crash-").FullName;
        var store = Path.Combine(directory, "tasks.db");
        List<FakeService> services = [new WarehouseService(Options(seed, 1)), new NotebookService(Options(seed, 2)), new TrainingService(Options(seed, 3))];
        var outcomes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int kills = 0, runs = 0;
        var killsByMoment = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = false;
        try
        {
            foreach (var service in services)
            {
                await service.StartAsync();
            }

            string[] Args(string? kill) =>
            [
                store, .. services.Select(x => x.BaseAddress.ToString()), Tasks.ToString(CultureInfo.InvariantCulture),
                seed.ToString(CultureInfo.InvariantCulture), AbortFraction.ToString(CultureInfo.InvariantCulture), .. kill is null ? [] : new[] { kill },
            ];

            for (var round = 0; kills < 12 && !done && round < 30; round++)
            {
                var mode = Modes[round % Modes.Length];
                // Deletes are rarer than Creates and commits (5% of tasks are aborted): an earlier one is chosen.
                var spec = mode switch
                {
                    "random" => null,
                    "delete" => $"delete:{random.Next(1, 4)}",
                    _ => $"{mode}:{random.Next(2, 60)}",
                };
                using var child = ChildHost.Start(Args(spec));
                runs++;
                var exited = await child.WaitAsync(mode == "random" ? TimeSpan.FromMilliseconds(1_500 + random.Next(3_000)) : TimeSpan.FromSeconds(60));
                if (!exited)
                {
                    child.Kill();
                }

                done = child.Done;
                if (!done)
                {
                    // A run that ends any other way than by a kill is a failure of the host, not a crash we caused.
                    Assert.True(!exited || child.ExitCode == 137, $"seed {seed}: run {runs} exited with {child.ExitCode}.\n{Tail(child)}");
                    kills++;
                    var moment = exited ? mode : "random";
                    killsByMoment[moment] = killsByMoment.GetValueOrDefault(moment) + 1;
                }

                Collect(child, outcomes);
            }

            // The last run goes to the end.
            while (!done)
            {
                using var child = ChildHost.Start(Args(null));
                runs++;
                Assert.True(await child.WaitAsync(TimeSpan.FromMinutes(3)), $"seed {seed}: the final run did not finish within 3 minutes.\n{Tail(child)}");
                done = child.Done;
                Collect(child, outcomes);
                Assert.True(done, $"seed {seed}: the final run exited without finishing.\n{Tail(child)}");
            }

            var plan = CrashPlan.Of(Tasks, seed, AbortFraction);
            var unreported = plan.Count(t => !outcomes.ContainsKey(t.Task.UniqueName));
            var inconsistent = outcomes.Count(o => o.Value.Count > 1);
            int leaked = 0, lost = 0, duplicates = 0, jobs = 0;
            var problems = new List<string>();
            foreach (var service in services)
            {
                var mine = plan.Where(t => t.Service == service.Name).ToList();
                var report = service.Reconcile(mine.Select(t => new ClientTaskOutcome(CrashPlan.KeyFor(t), Verdict(outcomes, t))));
                var all = service.Ledger.Jobs();
                duplicates += all.Count - all.Select(j => j.Key).Distinct(StringComparer.Ordinal).Count();
                leaked += report.Leaked;
                lost += report.Lost;
                jobs += report.JobsCreated;
                problems.AddRange(report.Problems.Take(10));
            }

            var moments = string.Join(", ", killsByMoment.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} {k.Key}"));
            var summary = $"crash test (seed {seed}): {Tasks} tasks, {runs} runs, {kills} kills ({moments}), {jobs} remote jobs, " +
                $"{outcomes.Count} tasks ended, {unreported} unreported, {inconsistent} inconsistent outcomes, " +
                $"{duplicates} duplicate jobs, {leaked} leaked, {lost} lost, {clock.Elapsed.TotalSeconds:0} s";
            output.WriteLine(summary);
            Console.WriteLine(summary);
            Assert.True(kills >= 10, summary);
            Assert.True(killsByMoment.ContainsKey("create") && killsByMoment.ContainsKey("delete") && killsByMoment.ContainsKey("save"), summary);
            Assert.True(unreported == 0 && inconsistent == 0 && duplicates == 0 && leaked == 0 && lost == 0, summary + "\n" + string.Join("\n", problems));
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

    private static FakeServiceOptions Options(int seed, int salt) => new()
    {
        Seed = HashCode.Combine(seed, salt),
        FaultRate = 0.05,
        JobFailureRate = 0.05,
        MinLatency = TimeSpan.FromMilliseconds(2),
        MaxLatency = TimeSpan.FromMilliseconds(15),
        PendingDuration = TimeSpan.FromMilliseconds(300),
        MinJobDuration = TimeSpan.FromMilliseconds(500),
        MaxJobDuration = TimeSpan.FromSeconds(3),
        StopDuration = TimeSpan.FromMilliseconds(300),
    };

    private static void Collect(ChildHost child, Dictionary<string, HashSet<string>> outcomes)
    {
        foreach (var line in child.Lines)
        {
            var parts = line.Split(' ');
            if (parts is ["OUTCOME", var name, var phase])
            {
                if (!outcomes.TryGetValue(name, out var phases))
                {
                    outcomes[name] = phases = new HashSet<string>(StringComparer.Ordinal);
                }

                phases.Add(phase);
            }
        }
    }

    private static ClientVerdict Verdict(Dictionary<string, HashSet<string>> outcomes, CrashTask task) =>
        !outcomes.TryGetValue(task.Task.UniqueName, out var phases) ? ClientVerdict.Unfinished : phases.First() switch
        {
            "Success" => ClientVerdict.Succeeded,
            "Aborted" => ClientVerdict.Aborted,
            _ => ClientVerdict.Failed,
        };

    private static string Tail(ChildHost child) => string.Join("\n", child.Lines.Where(l => !l.StartsWith("OUTCOME", StringComparison.Ordinal)).TakeLast(20));
}
