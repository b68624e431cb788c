namespace AsyncPluginGen;

/// <summary>
/// An async web-API plugin with its ResourceMeta and Resource types erased, so a host can hold plugins of
/// different types in one list (Flyte's <c>webapi.AsyncPlugin</c>). Hot paths should not use these members:
/// call <see cref="Accept{TResult}"/> once to reach the typed <see cref="IAsyncPlugin{TMeta, TResource}"/>.
/// </summary>
/// <remarks>Generated plugins implement this interface through <see cref="IAsyncPlugin{TMeta, TResource}"/>.</remarks>
public interface IAsyncPlugin : IPlugin
{
    /// <summary>Which quota the task needs before Create (Flyte's <c>ResourceRequirements</c>).</summary>
    /// <param name="task">The task.</param>
    /// <returns>The namespace and caps.</returns>
    ResourceRequirements GetResourceRequirements(TaskContext task);

    /// <summary>Starts the remote job. Must be idempotent on <see cref="TaskContext.UniqueName"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The meta, and the resource if the service returned it.</returns>
    ValueTask<Created<object, object>> CreateAsync(TaskContext task, CancellationToken cancellationToken);

    /// <summary>Reads the remote job's state.</summary>
    /// <param name="resourceMeta">The meta returned by Create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The resource.</returns>
    ValueTask<object> GetAsync(object resourceMeta, CancellationToken cancellationToken);

    /// <summary>Cancels or deletes the remote job. Must succeed when the job is already gone.</summary>
    /// <param name="resourceMeta">The meta returned by Create.</param>
    /// <param name="reason">Why it is deleted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the job is deleted.</returns>
    ValueTask DeleteAsync(object resourceMeta, DeleteReason reason, CancellationToken cancellationToken);

    /// <summary>Maps a resource to a phase. Makes no network call and should allocate nothing.</summary>
    /// <param name="task">The task.</param>
    /// <param name="resourceMeta">The meta returned by Create.</param>
    /// <param name="resource">The resource returned by Get or Create.</param>
    /// <returns>The phase.</returns>
    PhaseInfo Status(TaskContext task, object resourceMeta, object resource);

    /// <summary>Calls <paramref name="visitor"/> with the plugin's typed interface.</summary>
    /// <typeparam name="TResult">What the visitor returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>The visitor's result.</returns>
    TResult Accept<TResult>(IAsyncPluginVisitor<TResult> visitor);
}
