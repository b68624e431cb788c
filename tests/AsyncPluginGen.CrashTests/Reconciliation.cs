using AsyncPluginGen.CrashTests.Host;
using AsyncPluginGen.Samples.FakeServices;

namespace AsyncPluginGen.CrashTests;

/// <summary>What the services and the reported outcomes say after a crash run; every count but the first ones must be 0.</summary>
internal sealed record CrashReport(
    int Seed,
    int Tasks,
    int Runs,
    int Kills,
    string Moments,
    int Jobs,
    int CreateRequests,
    int RepeatedCreates,
    long Faults,
    int Ended,
    int Unreported,
    int Inconsistent,
    int Duplicates,
    int Recreated,
    int Leaked,
    int Lost,
    TimeSpan Elapsed,
    IReadOnlyList<string> Problems)
{
    public bool Clean => Unreported == 0 && Inconsistent == 0 && Duplicates == 0 && Recreated == 0 && Leaked == 0 && Lost == 0;

    public string Summary =>
        $"crash test (seed {Seed}): {Tasks} tasks, {Runs} runs, {Kills} kills ({Moments}), {Jobs} remote jobs, " +
        $"{CreateRequests} Create requests ({RepeatedCreates} repeated), {Faults} injected faults, {Ended} tasks ended, " +
        $"{Unreported} unreported, {Inconsistent} inconsistent outcomes, {Duplicates} duplicate jobs, " +
        $"{Recreated} Creates of created tasks, {Leaked} leaked, {Lost} lost, {Elapsed.TotalSeconds:0} s";

    public override string ToString() => Summary + (Problems.Count == 0 ? "" : "\n" + string.Join("\n", Problems.Take(40)));
}

/// <summary>Reconciles the planned tasks, their reported outcomes and the services' jobs.</summary>
internal static class Reconciliation
{
    public static CrashReport Of(
        int seed,
        IReadOnlyList<CrashTask> plan,
        IReadOnlyList<(string Name, string Outcome, DateTimeOffset At)> reports,
        IReadOnlyList<FakeService> services,
        ServiceTap tap,
        IReadOnlyList<string> recreated,
        int runs,
        int kills,
        IReadOnlyDictionary<string, int> killsByMoment,
        TimeSpan elapsed)
    {
        var problems = new List<string>();
        var outcomes = reports.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (Distinct: g.Select(r => r.Outcome).Distinct(StringComparer.Ordinal).ToList(), First: g.Min(r => r.At)),
            StringComparer.Ordinal);

        var unreported = plan.Where(t => !outcomes.ContainsKey(t.Task.UniqueName)).ToList();
        problems.AddRange(unreported.Take(10).Select(t => $"unreported: task {t.Task.UniqueName} never ended"));
        var inconsistent = outcomes.Where(o => o.Value.Distinct.Count > 1).ToList();
        problems.AddRange(inconsistent.Take(10).Select(o => $"inconsistent: task {o.Key} was reported as {string.Join(" and as ", o.Value.Distinct)}"));
        problems.AddRange(recreated.Take(10));

        var nameByKey = plan.ToDictionary(CrashPlan.KeyFor, t => t.Task.UniqueName, StringComparer.Ordinal);
        int leaked = 0, lost = 0, jobs = 0, duplicates = 0;
        long faults = 0;
        foreach (var service in services)
        {
            var mine = plan.Where(t => t.Service == service.Name);
            var report = service.Reconcile(mine.Select(t => new ClientTaskOutcome(CrashPlan.KeyFor(t), Verdict(outcomes, t.Task.UniqueName))));
            lost += report.Lost;
            jobs += report.JobsCreated;
            faults += service.GetStats().Faults.Values.Sum();
            problems.AddRange(report.Problems.Where(p => p.StartsWith("lost", StringComparison.Ordinal)).Take(10));

            var all = service.Ledger.Jobs();
            var byTask = all.GroupBy(j => nameByKey.GetValueOrDefault(j.Key) ?? j.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
            duplicates += byTask.Sum(g => g.Count() - 1);
            problems.AddRange(byTask.Take(10).Select(g => $"duplicate: task {g.Key} has jobs {string.Join(", ", g.Select(j => j.Id))}"));

            // The service's own check only sees jobs still live now. A job is leaked as soon as it outlives its task:
            // running when the host reported the task ended (or created after), and never cancelled.
            foreach (var job in all)
            {
                if (job.State is RemoteJobState.Stopping or RemoteJobState.Stopped)
                {
                    continue;
                }

                var name = nameByKey.GetValueOrDefault(job.Key);
                var reported = name is not null && outcomes.TryGetValue(name, out var o) ? o.First : (DateTimeOffset?)null;
                if (job.EndedAt is not { } end || (reported is { } at && end > at))
                {
                    leaked++;
                    problems.Add($"leaked: job {job.Id} of task {name ?? job.Key} ({service.Name}) is {job.State}, ran until {job.EndedAt?.ToString("HH:mm:ss.fff") ?? "now"}, " +
                        $"its task was reported ended at {reported?.ToString("HH:mm:ss.fff") ?? "never"} as {(name is not null && outcomes.TryGetValue(name, out var x) ? x.Distinct[0] : "nothing")}, and nobody cancelled it");
                }
            }
        }

        var creates = tap.AllCreates.ToList();
        var moments = string.Join(", ", killsByMoment.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} {k.Key}"));
        return new CrashReport(
            seed, plan.Count, runs, kills, moments, jobs, creates.Count, creates.Count - creates.Distinct(StringComparer.Ordinal).Count(), faults,
            outcomes.Count, unreported.Count, inconsistent.Count, duplicates, recreated.Count, leaked, lost, elapsed, problems);
    }

    private static ClientVerdict Verdict(Dictionary<string, (List<string> Distinct, DateTimeOffset First)> outcomes, string name) =>
        !outcomes.TryGetValue(name, out var o) ? ClientVerdict.Unfinished : Outcome.PhaseOf(o.Distinct[0]) switch
        {
            "Success" => ClientVerdict.Succeeded,
            "Aborted" => ClientVerdict.Aborted,
            _ => ClientVerdict.Failed,
        };
}
