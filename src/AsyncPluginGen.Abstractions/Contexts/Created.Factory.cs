namespace AsyncPluginGen;

/// <summary>Factory methods that infer the type arguments of <see cref="Created{TMeta, TResource}"/>.</summary>
public static class Created
{
    /// <summary>A result with the meta and the resource.</summary>
    /// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
    /// <typeparam name="TResource">The plugin's Resource type.</typeparam>
    /// <param name="meta">Identifies the remote job.</param>
    /// <param name="resource">The job's state.</param>
    /// <returns>The result.</returns>
    public static Created<TMeta, TResource> With<TMeta, TResource>(TMeta meta, TResource resource) => new(meta, resource);
}
