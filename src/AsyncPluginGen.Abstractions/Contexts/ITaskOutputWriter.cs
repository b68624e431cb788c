using System.Text.Json;

namespace AsyncPluginGen;

/// <summary>Where a task writes its outputs (Flyte's <c>OutputWriter</c>).</summary>
public interface ITaskOutputWriter
{
    /// <summary>The location outputs are written under, for example a blob-store prefix.</summary>
    string OutputPrefix { get; }

    /// <summary>Writes the task's outputs.</summary>
    /// <param name="outputs">The outputs, as a JSON object of name to value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the outputs are stored.</returns>
    ValueTask WriteOutputsAsync(JsonElement outputs, CancellationToken cancellationToken = default);
}
