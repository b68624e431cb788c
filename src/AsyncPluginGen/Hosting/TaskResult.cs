namespace AsyncPluginGen.Hosting;

/// <summary>How a task ended.</summary>
/// <param name="ExecutionId">The task attempt.</param>
/// <param name="Phase">The final phase: success, a failure, or aborted.</param>
/// <param name="State">The host's final state.</param>
/// <param name="ResourceMeta">The meta Create returned, if Create succeeded.</param>
/// <param name="Resource">The last resource Get (or Create) returned, if any.</param>
public sealed record TaskResult(TaskExecutionId ExecutionId, PhaseInfo Phase, PluginState State, object? ResourceMeta, object? Resource);
