using System.Text.Json;

namespace AsyncPluginGen;

/// <summary>
/// Lets an async plugin produce the task's outputs once its job has succeeded (a query's result table, a model's
/// location). Implement it next to the generated contract; it is called once, after Status reports
/// <see cref="TaskPhase.Success"/>, never on the Status hot path. The Flyte agent returns the outputs to Flyte as a
/// <c>LiteralMap</c>.
/// </summary>
/// <typeparam name="TMeta">The plugin's ResourceMeta type.</typeparam>
/// <typeparam name="TResource">The plugin's Resource type.</typeparam>
public interface ITaskOutputsPlugin<TMeta, TResource>
    where TMeta : notnull
    where TResource : notnull
{
    /// <summary>Reads the outputs of a succeeded job.</summary>
    /// <param name="context">The task, its meta and the resource Status reported success for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outputs as a JSON object of output name to value, or null when the task has none.</returns>
    ValueTask<JsonElement?> GetOutputsAsync(StatusContext<TMeta, TResource> context, CancellationToken cancellationToken);
}
