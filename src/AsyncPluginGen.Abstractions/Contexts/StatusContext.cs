namespace AsyncPluginGen;

/// <summary>
/// What Status receives: the task, the ResourceMeta and the latest resource from Get (Flyte's
/// <c>StatusContext</c>). A readonly struct passed by <see langword="in"/>, so the hot path copies nothing.
/// </summary>
/// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
/// <typeparam name="TResource">The plugin's Resource type.</typeparam>
/// <param name="Task">The task.</param>
/// <param name="ResourceMeta">The meta returned by Create.</param>
/// <param name="Resource">The latest resource returned by Get (or by Create).</param>
public readonly record struct StatusContext<TMeta, TResource>(TaskContext Task, TMeta ResourceMeta, TResource Resource);
