namespace AsyncPluginGen;

/// <summary>
/// Lets a plugin read many remote jobs in one call (Flyte's batched auto-refresh, which Flyte has but never uses).
/// Implement it next to the generated contract (<c>partial class MyPlugin : IBatchGetPlugin&lt;Meta, Resource&gt;</c>):
/// the host then polls in batches of up to <see cref="MaxBatchSize"/>, one read permit per batch.
/// </summary>
/// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
/// <typeparam name="TResource">The plugin's Resource type.</typeparam>
public interface IBatchGetPlugin<TMeta, TResource>
    where TMeta : notnull
    where TResource : notnull
{
    /// <summary>The most jobs one call may read; at least 1.</summary>
    int MaxBatchSize { get; }

    /// <summary>Reads the jobs' states, in the order of <paramref name="metas"/>, one resource per meta.</summary>
    /// <param name="metas">The metas returned by Create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The resources, in the same order.</returns>
    ValueTask<IReadOnlyList<TResource>> GetBatchAsync(IReadOnlyList<TMeta> metas, CancellationToken cancellationToken);
}
