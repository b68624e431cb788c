using AsyncPluginGen.Flyte.Meta;
using Microsoft.Extensions.Options;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>Checks <see cref="FlyteAgentOptions"/> at start-up, with messages that say how to fix each value.</summary>
internal sealed class FlyteAgentOptionsValidator : IValidateOptions<FlyteAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, FlyteAgentOptions options)
    {
        var errors = new List<string>();
        if (options.MaxReceiveMessageBytes < 1024 * 1024)
        {
            errors.Add($"FlyteAgent:MaxReceiveMessageBytes is {options.MaxReceiveMessageBytes}, but it must be at least 1 MiB (1048576) so that propeller's input maps fit; the default is 64 MiB.");
        }

        if (options.MaxOutputBytes < 1024 || options.MaxOutputBytes > 64 * 1024 * 1024)
        {
            errors.Add($"FlyteAgent:MaxOutputBytes is {options.MaxOutputBytes}, but it must be between 1 KiB and 64 MiB; the default, 4 MiB, is propeller's gRPC receive limit, and a larger value only helps if propeller's limit was raised too.");
        }

        if (options.ResourceMeta is null)
        {
            errors.Add("FlyteAgent:ResourceMeta is missing: configure the signing keys of resource_meta.");
        }
        else
        {
            errors.AddRange(ResourceMetaEnvelopeOptionsValidator.GetErrors(options.ResourceMeta, ResourceMetaEnvelopeOptions.SectionName));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
