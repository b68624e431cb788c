namespace AsyncPluginGen.Flyte.Agent;

/// <summary>A Flyte task category: the task type and its version, which together route a request to one plugin.</summary>
/// <param name="Name">The task type, for example <c>warehouse_query</c>.</param>
/// <param name="Version">The task type version (<c>task_type_version</c> of the template).</param>
public readonly record struct TaskCategoryKey(string Name, int Version)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} v{Version}";
}
