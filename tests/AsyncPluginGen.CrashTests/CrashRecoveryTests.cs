using System.Globalization;
using Xunit.Abstractions;

namespace AsyncPluginGen.CrashTests;

/// <summary>
/// The host in a child process with a SQLite task store, SIGKILLed again and again (while a Create or a cancel is at
/// the service, before or after the service did it; after its answer came back; inside a group commit, mid-batch or just
/// before its commit; after a commit the host was not told of; and at random moments) and restarted each time, over
/// 2,000 tasks with 5% injected faults and 5% aborts; the fake services live here and survive. Then everything is
/// reconciled: every task ended, and reported the same way each time; no job lost, duplicated or leaked; no task
/// Created again after the store recorded it as created.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    /// <summary>CRASH_SEED repeats a run (the seed is in every message).</summary>
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261205;

    [Fact]
    public async Task KilledAgainAndAgain_EveryTaskEndsOnce_AndNoJobIsLostDuplicatedOrLeaked()
    {
        var report = await new CrashRun(tasks: 2_000, Seed, kills: 14, withStore: true).RunAsync();

        output.WriteLine(report.ToString());
        Assert.True(report.Kills >= 10, report.ToString());
        Assert.True(report.Clean, report.ToString());
    }

    [Fact]
    public async Task WithoutAStore_TheReconciliationSeesTheDamage()
    {
        // The negative control: a host that remembers nothing is killed the same way; the same checks must fail,
        // or they could not catch a host that forgets.
        var report = await new CrashRun(tasks: 300, Seed, kills: 3, withStore: false).RunAsync();

        output.WriteLine(report.ToString());
        Assert.False(report.Clean, report.ToString());
    }
}
