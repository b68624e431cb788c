using System.Net.Http;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Which failed Creates certainly created nothing: the service answered and refused (a 4xx status), or the plugin rejected
/// its arguments (an <see cref="ArgumentException"/>, by convention thrown before any I/O). Any other failure may have
/// come after the request reached the service (a 2xx whose body did not parse, say): the job may exist.
/// </summary>
internal static class RefusedRequests
{
    public static bool CreatedNothing(Exception exception) => exception switch
    {
        PermanentTaskFailureException or ArgumentException => true,
        HttpRequestException { StatusCode: { } status } => (int)status is >= 400 and < 500,
        _ => false,
    };
}
