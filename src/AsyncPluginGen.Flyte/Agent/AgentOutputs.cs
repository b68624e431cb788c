using System.Globalization;
using System.Text.Json;
using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Core;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// A succeeded task's outputs on their way back to Flyte: the JSON becomes a <see cref="LiteralMap"/>, or, when it
/// cannot (a value the mapping cannot represent, or more bytes than propeller will receive), the success becomes a
/// system failure that says why, instead of a transport error propeller cannot explain.
/// </summary>
internal static class AgentOutputs
{
    public static LiteralMap? ToLiteralMap(JsonElement outputs, VariableMap? declared, int maxBytes, ref PhaseInfo phase)
    {
        LiteralMap map;
        try
        {
            map = LiteralJson.ToLiteralMap(outputs, declared);
        }
        catch (LiteralMappingException exception)
        {
            phase = PhaseInfo.SystemFailure("OutputsNotRepresentable", $"Output '{exception.Path}' cannot be returned to Flyte: {exception.Message}");
            return null;
        }

        var size = map.CalculateSize();
        if (size > maxBytes)
        {
            phase = PhaseInfo.SystemFailure(
                "OutputsTooLarge",
                string.Create(CultureInfo.InvariantCulture, $"The task's outputs are {size:N0} bytes, above the {maxBytes:N0}-byte limit (propeller's default gRPC receive limit is 4 MiB). Write large results to blob storage and return their URI."));
            return null;
        }

        return map;
    }
}
