namespace AsyncPluginGen.Generators.Model;

/// <summary>How a handler hands back its result.</summary>
internal enum ReturnKind
{
    /// <summary>Returns the value (or nothing) directly.</summary>
    Direct,

    /// <summary>Returns <c>Task</c> or <c>Task&lt;T&gt;</c>.</summary>
    Task,

    /// <summary>Returns <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTask,
}
