using AsyncPluginGen.Hosting.Tests.Infrastructure;

namespace AsyncPluginGen.Hosting.Tests.Storage;

/// <summary>The journal writes every change, coalesced per task per batch, however many tasks change at once.</summary>
public sealed class JournalTests
{
    [Fact]
    public async Task EveryPhaseChangeOfManyTasks_IsWritten_OncePerTaskPerCycle()
    {
        const int Tasks = 100; // within the write and read bursts, so no call waits for a permit
        var store = new TestStore();
        await using var h = await RecoveryTests.StartedAsync(store);
        var names = Enumerable.Range(0, Tasks).Select(i => "t" + i).ToArray();
        foreach (var name in names)
        {
            h.Script(name).DefaultGetState = "RUNNING";
            h.Submit(name);
        }

        await h.WaitUntilAsync(() => names.All(n => h.Events(n).Any(e => e.Phase.Phase == TaskPhase.Running)), "every task runs");
        await store.WaitForRowAsync(_ => store.GetRows().Count(r => RecoveryTests.Progress(r).Phase.Phase == TaskPhase.Running) == Tasks, "every task's Running phase is durable");

        foreach (var (state, phase) in new[] { ("QUEUED", TaskPhase.Queued), ("RUNNING", TaskPhase.Running), ("QUEUED", TaskPhase.Queued) })
        {
            var before = store.SavedRows;
            foreach (var name in names)
            {
                h.Script(name).DefaultGetState = state;
            }

            h.AdvanceBy(HostHarness.Resync);
            await store.WaitForSavedRowsAsync(before + Tasks);
            await store.WaitForRowAsync(_ => store.GetRows().All(r => RecoveryTests.Progress(r).Phase.Phase == phase), $"every task's {phase} is durable");
        }
    }
}
