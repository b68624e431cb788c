namespace AsyncPluginGen;

/// <summary>What a Get call receives: the ResourceMeta that Create returned (Flyte's <c>GetContext</c>).</summary>
/// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
/// <param name="ResourceMeta">The meta returned by Create.</param>
public readonly record struct GetContext<TMeta>(TMeta ResourceMeta);
