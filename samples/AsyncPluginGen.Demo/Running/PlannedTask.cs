namespace AsyncPluginGen.Demo.Running;

/// <summary>One task of the run, decided up front from the seed.</summary>
/// <param name="Index">Its position in submission order.</param>
/// <param name="Lane">Which plugin runs it.</param>
/// <param name="Task">The task itself.</param>
/// <param name="AbortAfter">When set, the demo aborts the task this long after submitting it.</param>
internal sealed record PlannedTask(int Index, SampleLane Lane, TaskContext Task, TimeSpan? AbortAfter);
