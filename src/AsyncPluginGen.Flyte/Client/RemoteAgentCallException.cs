using Grpc.Core;

namespace AsyncPluginGen.Flyte.Client;

/// <summary>
/// A call to a remote agent that failed in a way a retry may fix (unavailable, deadline exceeded, throttled). It is an
/// <see cref="IOException"/>, so the host retries Create and Delete and counts failed Gets, as propeller does.
/// </summary>
public sealed class RemoteAgentCallException : IOException
{
    /// <summary>Wraps a transient gRPC failure.</summary>
    /// <param name="method">The rpc that failed.</param>
    /// <param name="endpoint">The agent's address.</param>
    /// <param name="innerException">The gRPC failure.</param>
    public RemoteAgentCallException(string method, Uri endpoint, RpcException innerException)
        : base($"{method} to the Flyte agent at {endpoint} failed with {innerException.StatusCode}: {innerException.Status.Detail}", innerException)
    {
        Method = method;
        StatusCode = innerException.StatusCode;
    }

    /// <summary>The rpc that failed.</summary>
    public string Method { get; }

    /// <summary>The gRPC status code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>Whether a status code is worth retrying.</summary>
    /// <param name="code">The code.</param>
    /// <returns>True for unavailable, deadline exceeded, resource exhausted, aborted and unknown (a dropped connection).</returns>
    public static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Unknown;
}
