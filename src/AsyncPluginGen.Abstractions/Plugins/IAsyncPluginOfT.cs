namespace AsyncPluginGen;

/// <summary>
/// An async web-API plugin, typed in its ResourceMeta and Resource, which is what the host's hot path calls
/// (no casts, no boxing). The generator implements it for every <see cref="AsyncPluginAttribute"/> class;
/// the object-typed <see cref="IAsyncPlugin"/> members are implemented here once, for all plugins.
/// </summary>
/// <typeparam name="TMeta">Identifies a remote job; kept by the host between calls.</typeparam>
/// <typeparam name="TResource">The remote job's state as returned by Get.</typeparam>
public interface IAsyncPlugin<TMeta, TResource> : IAsyncPlugin
    where TMeta : notnull
    where TResource : notnull
{
    /// <summary>Starts the remote job. Must be idempotent on <see cref="TaskContext.UniqueName"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meta, and the resource if the service returned it.</returns>
    new ValueTask<Created<TMeta, TResource>> CreateAsync(TaskContext task, CancellationToken cancellationToken);

    /// <summary>Reads the remote job's state. May block on the network; throttling errors are returned as they are.</summary>
    /// <param name="context">The meta returned by Create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The resource.</returns>
    ValueTask<TResource> GetAsync(GetContext<TMeta> context, CancellationToken cancellationToken);

    /// <summary>Cancels or deletes the remote job. Must succeed when the job is already gone.</summary>
    /// <param name="context">The meta and the reason.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the job is deleted.</returns>
    ValueTask DeleteAsync(DeleteContext<TMeta> context, CancellationToken cancellationToken);

    /// <summary>Maps the resource to a phase. Makes no network call and allocates nothing.</summary>
    /// <param name="context">The task, meta and resource.</param>
    /// <returns>The phase.</returns>
    PhaseInfo Status(in StatusContext<TMeta, TResource> context);

    async ValueTask<Created<object, object>> IAsyncPlugin.CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        var created = await CreateAsync(task, cancellationToken).ConfigureAwait(false);
        return created.HasResource
            ? new Created<object, object>(created.Meta, created.Resource!)
            : new Created<object, object>(created.Meta);
    }

    async ValueTask<object> IAsyncPlugin.GetAsync(object resourceMeta, CancellationToken cancellationToken) =>
        await GetAsync(new GetContext<TMeta>(CastMeta(resourceMeta)), cancellationToken).ConfigureAwait(false);

    ValueTask IAsyncPlugin.DeleteAsync(object resourceMeta, DeleteReason reason, CancellationToken cancellationToken) =>
        DeleteAsync(new DeleteContext<TMeta>(CastMeta(resourceMeta), reason), cancellationToken);

    PhaseInfo IAsyncPlugin.Status(TaskContext task, object resourceMeta, object resource)
    {
        if (resource is not TResource typed)
        {
            throw new ArgumentException(
                $"Plugin '{Descriptor.Id}' expects a resource of type {typeof(TResource).FullName}, but got {Describe(resource)}.",
                nameof(resource));
        }

        return Status(new StatusContext<TMeta, TResource>(task, CastMeta(resourceMeta), typed));
    }

    TResult IAsyncPlugin.Accept<TResult>(IAsyncPluginVisitor<TResult> visitor) => visitor.Visit(this);

    private TMeta CastMeta(object resourceMeta) =>
        resourceMeta is TMeta meta
            ? meta
            : throw new ArgumentException(
                $"Plugin '{Descriptor.Id}' expects a ResourceMeta of type {typeof(TMeta).FullName}, but got {Describe(resourceMeta)}.",
                nameof(resourceMeta));

    private static string Describe(object? value) => value is null ? "null" : value.GetType().FullName ?? value.GetType().Name;
}
