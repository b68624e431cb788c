using System.Globalization;
using System.Net.Http;

namespace AsyncPluginGen.Hosting;

/// <summary>The error code metrics carry for a failed call: the HTTP status when there is one, else the exception type.</summary>
internal static class PluginRunnerErrors
{
    public static string Code(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: { } status } => ((int)status).ToString(CultureInfo.InvariantCulture),
        _ => exception.GetType().Name,
    };
}
