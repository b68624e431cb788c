namespace AsyncPluginGen;

/// <summary>
/// What a task needs before it may be created: a token from a resource namespace, within the given caps
/// (the result of Flyte's <c>AsyncPlugin.ResourceRequirements</c>).
/// </summary>
/// <param name="Namespace">The pool to take a token from.</param>
/// <param name="Constraints">Per-project and per-namespace caps.</param>
public readonly record struct ResourceRequirements(ResourceNamespace Namespace, ResourceConstraintsSpec Constraints)
{
    /// <summary>A token from the default namespace, without caps.</summary>
    public static ResourceRequirements Default { get; } = new(ResourceNamespace.Default, ResourceConstraintsSpec.None);
}
