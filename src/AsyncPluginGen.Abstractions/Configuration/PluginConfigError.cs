namespace AsyncPluginGen;

/// <summary>One configuration value outside its allowed range.</summary>
/// <param name="Field">The field's path, for example <c>Caching.Workers</c>.</param>
/// <param name="Value">The offending value, formatted with the invariant culture.</param>
/// <param name="AllowedRange">The allowed range, for example <c>1–10000</c>.</param>
public sealed record PluginConfigError(string Field, string Value, string AllowedRange)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field} is {Value}, but it must be within {AllowedRange}.";
}
