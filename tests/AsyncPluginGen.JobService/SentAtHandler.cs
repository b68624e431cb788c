using System.Globalization;

namespace AsyncPluginGen.JobService;

/// <summary>
/// Stamps each request with the time the client sent it (header <see cref="HeaderName"/>, on the service's clock), so the
/// service measures request rates by when the host issued them. Arrival times jitter with transport and scheduling delays
/// on a loaded machine, which would blur what the host's rate limiter actually did.
/// </summary>
/// <param name="time">The service's clock.</param>
/// <param name="inner">The handler that sends the request; a new <see cref="HttpClientHandler"/> by default.</param>
public sealed class SentAtHandler(TimeProvider time, HttpMessageHandler? inner = null) : DelegatingHandler(inner ?? new HttpClientHandler())
{
    /// <summary>The header carrying the send time, as UTC ticks.</summary>
    public const string HeaderName = "X-Sent-At";

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.Add(HeaderName, time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
        return base.SendAsync(request, cancellationToken);
    }
}
