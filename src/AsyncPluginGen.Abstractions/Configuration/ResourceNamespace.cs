namespace AsyncPluginGen;

/// <summary>A named pool of quota, for example <c>warehouse</c> (Flyte's <c>core.ResourceNamespace</c>).</summary>
/// <param name="Name">The pool's name.</param>
public readonly record struct ResourceNamespace(string Name)
{
    /// <summary>The name of the pool used when a plugin names none.</summary>
    public const string DefaultName = "default";

    /// <summary>The pool used when a plugin names none.</summary>
    public static ResourceNamespace Default { get; } = new(DefaultName);

    /// <summary>Converts a name to a namespace.</summary>
    /// <param name="name">The pool's name.</param>
    public static implicit operator ResourceNamespace(string name) => new(name);

    /// <inheritdoc />
    public override string ToString() => Name ?? DefaultName;
}
