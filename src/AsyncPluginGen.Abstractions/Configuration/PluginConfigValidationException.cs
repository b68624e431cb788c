namespace AsyncPluginGen;

/// <summary>Thrown by <see cref="PluginConfig.Validate(string?)"/> when values lie outside Flyte's ranges.</summary>
public sealed class PluginConfigValidationException : Exception
{
    /// <summary>Creates the exception for the given errors.</summary>
    /// <param name="pluginId">The plugin whose configuration is invalid, if known.</param>
    /// <param name="errors">Every value out of range.</param>
    public PluginConfigValidationException(string? pluginId, IReadOnlyList<PluginConfigError> errors)
        : base(BuildMessage(pluginId, errors))
    {
        PluginId = pluginId;
        Errors = errors;
    }

    /// <summary>The plugin whose configuration is invalid, if known.</summary>
    public string? PluginId { get; }

    /// <summary>Every value out of range.</summary>
    public IReadOnlyList<PluginConfigError> Errors { get; }

    private static string BuildMessage(string? pluginId, IReadOnlyList<PluginConfigError> errors)
    {
        var subject = pluginId is null ? "Plugin configuration" : $"Configuration of plugin '{pluginId}'";
        return $"{subject} is invalid: " + string.Join(" ", errors) +
            " Fix the value in the plugin's attributes or in the configuration that overrides them.";
    }
}
