using Microsoft.Extensions.Options;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Validates <see cref="PluginHostOptions"/> for the options system, so that <c>ValidateOnStart</c> fails start-up with
/// every problem listed instead of letting a bad value stop the clock or fail tasks later.
/// </summary>
/// <param name="catalog">The registered plugins, when any are registered: overrides are checked against them.</param>
internal sealed class PluginHostOptionsValidator(PluginCatalog? catalog = null) : IValidateOptions<PluginHostOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PluginHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The options system joins failures with "; ", so each goes without its closing period.
        var problems = PluginHostOptionsValidation.Collect(options, catalog).Select(problem => problem.TrimEnd('.')).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
