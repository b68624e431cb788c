using Grpc.Core;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>
/// The smallest <see cref="ServerCallContext"/>: no deadline (<see cref="DateTime.MaxValue"/>), never cancelled, empty
/// headers. Lets a benchmark call a service's handler in-process, without Kestrel, HTTP/2 or protobuf.
/// </summary>
internal sealed class BenchServerCallContext(string method) : ServerCallContext
{
    private readonly Metadata _requestHeaders = [];
    private readonly Metadata _responseTrailers = [];
    private readonly AuthContext _auth = new(null, []);

    protected override string MethodCore => method;

    protected override string HostCore => "127.0.0.1";

    protected override string PeerCore => "ipv4:127.0.0.1:50000";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => CancellationToken.None;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => _auth;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("The benchmark context propagates nothing.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
