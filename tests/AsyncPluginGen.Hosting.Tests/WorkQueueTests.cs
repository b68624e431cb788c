using AsyncPluginGen.Hosting.Tests.Infrastructure;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>How the work queue starts workers: on demand, without a waiting worker holding up the others.</summary>
public sealed class WorkQueueTests
{
    [Fact]
    public async Task TasksSubmittedWhileEveryBusyWorkerWaitsForACreate_StillStart()
    {
        // As many Creates as there are processors hang, each holding a worker that waits; workers are started on demand
        // up to the processor count, and a waiting worker must not count against it (the task store's benchmark hung
        // here: its Creates wait for durability, which only the next tick brings).
        await using var h = new HostHarness();
        var gate = Wait.Gate();
        var hanging = Enumerable.Range(0, Math.Min(Environment.ProcessorCount, 9)).Select(i => "hang" + i).ToList(); // Below the 10 workers a plugin has by default.
        foreach (var task in hanging)
        {
            h.Script(task).OnCreate(Steps.After(gate, Steps.Return<JobResource?>(null)));
            h.Submit(task);
            await h.Calls.WaitAsync(task, Op.Create, 1);
        }

        h.Submit("next");
        await h.WaitForPhaseAsync("next", TaskPhase.Running);

        Assert.False(gate.Task.IsCompleted); // every other worker still waits
        gate.SetResult();
        foreach (var task in hanging)
        {
            await h.WaitForPhaseAsync(task, TaskPhase.Running);
        }
    }
}
