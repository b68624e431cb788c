namespace AsyncPluginGen;

/// <summary>
/// Tells the Status hot-path analyzers (APG1001–APG1003) that a helper is safe to call from Status, so they do not
/// look inside it: for example a lookup in an in-memory cache whose type the analyzers would take for a network client.
/// The same can be configured without the attribute in .editorconfig, with <c>asyncplugingen.status.allowed_members</c>.
/// </summary>
/// <param name="justification">Why the helper is safe on the hot path; shown to reviewers.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class AllowInStatusAttribute(string justification) : Attribute
{
    /// <summary>Why the helper is safe on the hot path.</summary>
    public string Justification { get; } = justification;
}
