namespace AsyncPluginGen;

/// <summary>
/// Caps on how many tokens of a resource namespace one project, or one project-and-domain namespace,
/// may hold at once (Flyte's <c>ResourceConstraintsSpec</c>). A null cap means no cap at that scope.
/// </summary>
/// <param name="ProjectScope">The most tokens one project may hold.</param>
/// <param name="NamespaceScope">The most tokens one project-and-domain may hold.</param>
public readonly record struct ResourceConstraintsSpec(long? ProjectScope, long? NamespaceScope)
{
    /// <summary>No caps.</summary>
    public static ResourceConstraintsSpec None => default;
}
