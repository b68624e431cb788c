namespace AsyncPluginGen;

/// <summary>What a Delete call receives: the ResourceMeta and why it is deleted (Flyte's <c>DeleteContext</c>).</summary>
/// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
/// <param name="ResourceMeta">The meta returned by Create.</param>
/// <param name="Reason">Why the resource is deleted.</param>
public readonly record struct DeleteContext<TMeta>(TMeta ResourceMeta, DeleteReason Reason);
