namespace AsyncPluginGen.AotSample.Running;

/// <summary>One task of a run and the final phase it must reach.</summary>
/// <param name="Task">The task, with its inputs.</param>
/// <param name="AbortOnceCreated">Abort it as soon as its remote job exists.</param>
/// <param name="Expected">Its expected final phase: <see cref="TaskPhase.Aborted"/> when aborted, <see cref="TaskPhase.Success"/> otherwise.</param>
internal sealed record SampleTask(TaskContext Task, bool AbortOnceCreated, TaskPhase Expected);
