namespace AsyncPluginGen.Hosting;

/// <summary>
/// A task's phase, or its phase version, changed. A value, not an object: every task publishes several, and as objects
/// they were the largest part of what starting a task allocated.
/// </summary>
/// <param name="ExecutionId">The task attempt.</param>
/// <param name="TaskType">The task type.</param>
/// <param name="PluginId">The plugin driving it.</param>
/// <param name="Phase">The new phase, with version, reason and error.</param>
/// <param name="State">Where the host is in driving the task.</param>
/// <param name="Timestamp">When the host observed the change (from the host's TimeProvider).</param>
public readonly record struct PhaseEvent(TaskExecutionId ExecutionId, string TaskType, string PluginId, PhaseInfo Phase, PluginState State, DateTimeOffset Timestamp);
