namespace AsyncPluginGen;

/// <summary>
/// Recovers the type arguments of an <see cref="IAsyncPlugin"/> without reflection or casts: the host builds
/// a typed runner per plugin once, and its hot path then calls the typed members only.
/// </summary>
/// <typeparam name="TResult">What the visitor returns.</typeparam>
public interface IAsyncPluginVisitor<out TResult>
{
    /// <summary>Called with the plugin's typed interface.</summary>
    /// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
    /// <typeparam name="TResource">The plugin's Resource type.</typeparam>
    /// <param name="plugin">The plugin.</param>
    /// <returns>The visitor's result.</returns>
    TResult Visit<TMeta, TResource>(IAsyncPlugin<TMeta, TResource> plugin)
        where TMeta : notnull
        where TResource : notnull;
}
