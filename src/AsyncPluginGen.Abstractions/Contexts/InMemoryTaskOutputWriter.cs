using System.Text.Json;

namespace AsyncPluginGen;

/// <summary>An <see cref="ITaskOutputWriter"/> that keeps the outputs in memory, for tests and local runs.</summary>
/// <param name="outputPrefix">The location reported to the plugin.</param>
public sealed class InMemoryTaskOutputWriter(string outputPrefix = "memory://outputs") : ITaskOutputWriter
{
    /// <inheritdoc />
    public string OutputPrefix { get; } = outputPrefix;

    /// <summary>The last outputs written, or <see langword="null"/> when none were.</summary>
    public JsonElement? Outputs { get; private set; }

    /// <inheritdoc />
    public ValueTask WriteOutputsAsync(JsonElement outputs, CancellationToken cancellationToken = default)
    {
        Outputs = outputs.Clone();
        return ValueTask.CompletedTask;
    }
}
