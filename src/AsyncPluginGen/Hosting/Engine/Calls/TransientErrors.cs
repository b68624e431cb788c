using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace AsyncPluginGen.Hosting;

/// <summary>Which failures of a remote call are worth retrying: the network, time-outs, throttling and server errors.</summary>
public static class TransientErrors
{
    /// <summary>Whether <paramref name="exception"/> is transient.</summary>
    /// <param name="exception">What the call threw.</param>
    /// <param name="stopping">The host's own token: a cancellation caused by it is not transient, it is shutdown.</param>
    /// <returns>True for errors a retry may fix.</returns>
    public static bool IsTransient(Exception exception, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            HttpRequestException { StatusCode: null } => true,
            HttpRequestException { StatusCode: { } status } => (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
            OperationCanceledException => !stopping.IsCancellationRequested,
            TimeoutException or IOException or SocketException => true,
            _ => false,
        };
    }
}
