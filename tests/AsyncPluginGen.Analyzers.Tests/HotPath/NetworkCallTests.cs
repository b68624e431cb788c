using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

// One file on purpose (about 700 lines): one test per kind of network call APG1001 catalogues and per way of reaching
// it (direct, helpers, depth, properties, constructors, derived clients), read as the rule's specification next to its
// page. Hierarchies and delegates (HierarchyAndDelegateTests), limits (CheckLimitTests) and the SDK catalogue
// (SdkCatalogueTests) have files of their own.

/// <summary>APG1001: network calls reachable from Status, directly and through helpers.</summary>
public sealed class NetworkCallTests
{
    [Fact]
    public Task Direct_HttpClient_GetAsync_is_reported_at_the_call()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_client.GetAsync("https://example.com/jobs")|};
                    return PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "HttpClient.GetAsync"));
    }

    [Fact]
    public Task Call_through_a_helper_is_reported_at_the_helper_call_with_the_chain()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r) => {|#0:Helper()|};

                private PhaseInfo Helper()
                {
                    _ = _client.GetStringAsync("https://example.com");
                    return PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → Helper → HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Chain_of_five_helpers_is_followed_to_the_end()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r) => {|#0:H1()|};
                private PhaseInfo H1() => H2();
                private PhaseInfo H2() => H3();
                private PhaseInfo H3() => H4();
                private PhaseInfo H4() => H5();
                private PhaseInfo H5()
                {
                    _ = _client.GetAsync("x");
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → H1 → H2 → H3 → H4 → H5 → HttpClient.GetAsync"));
    }

    [Fact]
    public Task Chain_of_seven_helpers_is_followed_by_default()
    {
        // Issue 15: the default depth was 5, and a chain this long went unreported without a word.
        var source = Plugin("""
                public PhaseInfo Status(R r) => {|#0:H1()|};
                private PhaseInfo H1() => H2();
                private PhaseInfo H2() => H3();
                private PhaseInfo H3() => H4();
                private PhaseInfo H4() => H5();
                private PhaseInfo H5() => H6();
                private PhaseInfo H6() => H7();
                private PhaseInfo H7()
                {
                    _ = _client.GetAsync("x");
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → H1 → H2 → H3 → H4 → H5 → H6 → H7 → HttpClient.GetAsync"));
    }

    [Fact]
    public Task Max_depth_setting_limits_how_far_helpers_are_followed()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r) => {|#0:H1()|};
                private PhaseInfo H1() => H2();
                private PhaseInfo H2()
                {
                    _ = _client.GetAsync("x");
                    return default;
                }
            """,
            PluginClass("Deeper", """
                public PhaseInfo Status(R r) => {|#1:H1()|};
                private PhaseInfo H1() => H2();
                private PhaseInfo H2() => H3();
                private PhaseInfo H3()
                {
                    _ = _client.GetAsync("x");
                    return default;
                }
            """));

        // The deeper chain is not checked past the limit, and the check says where it stopped.
        return Verify.VerifyAsync(
            [source],
            "asyncplugingen.status.max_depth = 2",
            Network(0, "Status → H1 → H2 → HttpClient.GetAsync"),
            StoppedAtDepth(1, "Status → H1 → H2 → H3", 2));
    }

    [Fact]
    public Task Max_depth_zero_checks_Status_alone()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_client.GetAsync("x")|};
                    return {|#1:Helper()|};
                }

                private PhaseInfo Helper()
                {
                    _ = _client.GetAsync("x");
                    return default;
                }
            """);

        return Verify.VerifyAsync([source], "asyncplugingen.status.max_depth = 0", Network(0, "HttpClient.GetAsync"), StoppedAtDepth(1, "Status → Helper", 0));
    }

    [Fact]
    public Task Recursive_helper_terminates_and_is_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r) => {|#0:Poll(3)|};

                private PhaseInfo Poll(int attempts)
                {
                    if (attempts == 0)
                    {
                        _ = _client.GetAsync("x");
                        return default;
                    }

                    return Poll(attempts - 1);
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → Poll → HttpClient.GetAsync"));
    }

    [Fact]
    public Task Mutually_recursive_helpers_terminate_and_are_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r) => {|#0:Ping(r.Count)|};

                private PhaseInfo Ping(int n) => n <= 0 ? default : Pong(n - 1);

                private PhaseInfo Pong(int n)
                {
                    if (n == 1)
                    {
                        _ = _client.GetAsync("x");
                    }

                    return Ping(n - 1);
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → Ping → Pong → HttpClient.GetAsync"));
    }

    [Fact]
    public Task Recursion_through_Status_itself_terminates()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r) => r.Count > 0 ? {|#0:Again(r)|} : PhaseInfo.Running();

                private PhaseInfo Again(R r)
                {
                    _ = _client.GetAsync("x");
                    return Status(r);
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → Again → HttpClient.GetAsync"));
    }

    [Fact]
    public Task Json_extension_method_on_HttpClient_is_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_client.GetFromJsonAsync<R>("x")|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "HttpClientJsonExtensions.GetFromJsonAsync"));
    }

    [Fact]
    public Task Source_extension_method_that_calls_the_network_is_followed()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_client.FetchState(r.State)|};
                    return default;
                }
            """,
            """
            public static class ClientExtensions
            {
                public static Task<string> FetchState(this HttpClient client, string id) => client.GetStringAsync(id);
            }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → ClientExtensions.FetchState → HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Generic_helper_constrained_to_HttpClient_is_followed()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    _ = {|#0:Fetch(_client, r.State)|};
                    return default;
                }

                private static Task<string> Fetch<TClient>(TClient client, string id) where TClient : HttpClient => client.GetStringAsync(id);
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → Fetch → HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Property_getter_that_calls_the_network_is_followed()
    {
        var source = Plugin("""
                private Task<string> Remote => _client.GetStringAsync("x");

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:Remote|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → Remote → HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Property_setter_that_calls_the_network_is_followed()
    {
        var source = Plugin("""
                private string Target
                {
                    get => "x";
                    set => _ = _client.GetAsync(value);
                }

                public PhaseInfo Status(R r)
                {
                    {|#0:Target|} = r.State;
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → set Target → HttpClient.GetAsync"));
    }

    [Fact]
    public Task Constructor_that_calls_the_network_is_followed()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r)
                {
                    _ = {|#0:new Wrapper()|};
                    return default;
                }
            """,
            """
            public sealed class Wrapper
            {
                public Wrapper() => _ = Net.Shared.GetAsync("x");
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "Status → new Wrapper → HttpClient.GetAsync"),
            Allocation(0, "new Wrapper", "object creation"));
    }

    [Fact]
    public Task Field_initializer_run_by_a_constructor_is_followed()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r)
                {
                    _ = {|#0:new Prefetch(1)|};
                    return default;
                }
            """,
            """
            public sealed class Prefetch : Base
            {
                private readonly Task<string> _body = Net.Shared.GetStringAsync("x");
                public Prefetch(int n) : base(n) { }
            }

            public class Base
            {
                protected Base(int n) { }
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "Status → new Prefetch → HttpClient.GetStringAsync"),
            Allocation(0, "new Prefetch", "object creation"));
    }

    [Fact]
    public Task Local_function_is_followed_and_named_in_the_chain()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    return {|#0:Check()|};

                    PhaseInfo Check()
                    {
                        _ = _client.GetAsync("x");
                        return default;
                    }
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → Check → HttpClient.GetAsync"));
    }

    [Fact]
    public Task Network_call_inside_a_lambda_in_Status_is_reported_where_it_is()
    {
        var source = Plugin("""
                private static readonly Func<Task<string>> Cached = static () => Net.Shared.GetStringAsync("ok");

                public PhaseInfo Status(R r)
                {
                    Func<Task<string>> fetch = static () => {|#0:Net.Shared.GetStringAsync("x")|};
                    _ = fetch;
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Helper_in_another_part_of_a_partial_class_is_followed()
    {
        var status = Plugin("""
                public PhaseInfo Status(R r) => {|#0:Helper(r)|};
            """);
        const string helper = """
            using System.Net.Http;
            using AsyncPluginGen;

            public partial class P
            {
                private PhaseInfo Helper(R r)
                {
                    _ = _client.PostAsync("x", null);
                    return default;
                }
            }
            """;

        return Verify.VerifyAsync([status, helper], null, Network(0, "Status → Helper → HttpClient.PostAsync"));
    }

    [Fact]
    public Task Derived_HttpClient_inherited_and_own_methods_are_reported()
    {
        var source = Plugin(
            """
                private readonly ApiClient _api = new ApiClient();

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_api.GetAsync("x")|};
                    _ = {|#1:_api.State(r.State)|};
                    return default;
                }
            """,
            """
            public sealed class ApiClient : HttpClient
            {
                public Task<string> State(string id) => GetStringAsync(id);
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "HttpClient.GetAsync"),
            Network(1, "Status → ApiClient.State → HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Overriding_HttpMessageHandler_send_is_reported()
    {
        var source = Plugin(
            """
                private readonly AuditHandler _handler = new AuditHandler();
                private readonly HttpRequestMessage _request = new HttpRequestMessage();

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_handler.Replay(_request)|};
                    return default;
                }
            """,
            """
            public sealed class AuditHandler : DelegatingHandler
            {
                public AuditHandler() : base(new HttpClientHandler()) { }

                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                    base.SendAsync(request, cancellationToken);

                public Task<HttpResponseMessage> Replay(HttpRequestMessage request) => SendAsync(request, CancellationToken.None);
            }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → AuditHandler.Replay → AuditHandler.SendAsync"));
    }

    [Fact]
    public Task Virtual_member_with_a_source_body_is_followed()
    {
        var source = Plugin(
            """
                private readonly Fetcher _fetcher = new Fetcher();

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_fetcher.Fetch()|};
                    return default;
                }
            """,
            """
            public class Fetcher
            {
                public virtual Task<string> Fetch() => Net.Shared.GetStringAsync("x");
            }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → Fetcher.Fetch → HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Non_network_APIs_in_System_Net_are_not_reported()
    {
        var source = Plugin(
            """
                private static readonly Uri Base = new Uri("https://example.com");
                private readonly IHttpClientFactory _factory = null!;

                public PhaseInfo Status(R r)
                {
                    _ = Base.Host;
                    _ = IPAddress.Parse("10.0.0.1");
                    _ = System.Net.NetworkInformation.NetworkInterface.GetIsNetworkAvailable();
                    _ = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties();
                    _ = _factory.CreateClient("jobs");
                    _ = Dns.GetHostName();
                    _ = _client.BaseAddress;
                    _ = _client.Timeout;
                    _client.CancelPendingRequests();
                    return PhaseInfo.Running();
                }
            """,
            """
            namespace System.Net.Http
            {
                public interface IHttpClientFactory
                {
                    HttpClient CreateClient(string name);
                }
            }
            """);

        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Dns_lookup_is_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    _ = {|#0:Dns.GetHostEntry(r.State)|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "Dns.GetHostEntry", "DNS lookup"));
    }

    [Fact]
    public Task Socket_client_constructor_that_connects_is_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    using var tcp = {|#0:new System.Net.Sockets.TcpClient("example.com", 443)|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "new TcpClient", "socket I/O"),
            Allocation(0, "new TcpClient", "object creation"));
    }

    [Fact]
    public Task Network_calls_in_handlers_and_unreachable_helpers_are_not_reported()
    {
        const string source = HotPathSources.Usings + HotPathSources.Types + """
            [AsyncPlugin("t")]
            public partial class P
            {
                private readonly HttpClient _client = new HttpClient();

                public async Task<M> CreateAsync(TaskContext task) => new M(await _client.GetStringAsync("create"));

                public async Task<R> GetAsync(M meta) => new R(await _client.GetStringAsync(meta.Id), 1);

                public async Task DeleteAsync(M meta) => await _client.DeleteAsync(meta.Id);

                public PhaseInfo Status(R r) => r.State == "done" ? PhaseInfo.Success() : PhaseInfo.Running();

                private Task<string> NotCalledFromStatus() => _client.GetStringAsync("x");
            }
            """;

        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Method_named_Status_outside_a_plugin_is_not_analyzed()
    {
        const string source = HotPathSources.Usings + HotPathSources.Types + """
            public class Dashboard
            {
                public PhaseInfo Status(R r)
                {
                    _ = Net.Shared.GetAsync("x");
                    return default;
                }
            }
            """;

        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Hand_implemented_IAsyncPlugin_Status_is_analyzed()
    {
        const string source = HotPathSources.Usings + HotPathSources.Types + """
            public sealed class Explicit : IAsyncPlugin<M, R>
            {
                public PluginDescriptor Descriptor => throw new NotSupportedException();
                public PluginConfig GetConfig() => throw new NotSupportedException();
                public ResourceRequirements GetResourceRequirements(TaskContext task) => throw new NotSupportedException();
                public ValueTask<Created<M, R>> CreateAsync(TaskContext task, CancellationToken cancellationToken) => throw new NotSupportedException();
                public ValueTask<R> GetAsync(GetContext<M> context, CancellationToken cancellationToken) => throw new NotSupportedException();
                public ValueTask DeleteAsync(DeleteContext<M> context, CancellationToken cancellationToken) => throw new NotSupportedException();

                PhaseInfo IAsyncPlugin<M, R>.Status(in StatusContext<M, R> context)
                {
                    _ = {|#0:Net.Shared.GetAsync(context.Resource.State)|};
                    return default;
                }
            }

            public sealed class Implicit : IAsyncPlugin<M, R>
            {
                public PluginDescriptor Descriptor => throw new NotSupportedException();
                public PluginConfig GetConfig() => throw new NotSupportedException();
                public ResourceRequirements GetResourceRequirements(TaskContext task) => throw new NotSupportedException();
                public ValueTask<Created<M, R>> CreateAsync(TaskContext task, CancellationToken cancellationToken) => throw new NotSupportedException();
                public ValueTask<R> GetAsync(GetContext<M> context, CancellationToken cancellationToken) => throw new NotSupportedException();
                public ValueTask DeleteAsync(DeleteContext<M> context, CancellationToken cancellationToken) => throw new NotSupportedException();

                public PhaseInfo Status(in StatusContext<M, R> context) => {|#1:Map(context.Resource)|};

                private static PhaseInfo Map(R resource)
                {
                    _ = Net.Shared.GetAsync(resource.State);
                    return default;
                }
            }
            """;

        return Verify.VerifyAsync(
            source,
            Network(0, "HttpClient.GetAsync"),
            Network(1, "Status → Map → HttpClient.GetAsync"));
    }

    [Fact]
    public Task Other_BCL_network_clients_are_reported_and_FileWebRequest_is_not()
    {
        var source = Plugin("""
                private readonly byte[] _buffer = new byte[16];
                private readonly System.Net.WebSockets.ClientWebSocket _socket = new System.Net.WebSockets.ClientWebSocket();
                private readonly System.Net.Mail.SmtpClient _smtp = new System.Net.Mail.SmtpClient();
                private readonly System.Net.NetworkInformation.Ping _ping = new System.Net.NetworkInformation.Ping();
                private readonly System.Net.Security.SslStream _tls = null!;
                private readonly System.Net.Sockets.NetworkStream _stream = null!;
                private readonly System.Net.Sockets.Socket _raw = null!;
                private readonly FileWebRequest _file = null!;

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_socket.SendAsync(ArraySegment<byte>.Empty, System.Net.WebSockets.WebSocketMessageType.Binary, true, CancellationToken.None)|};
                    {|#1:_smtp.Send("a@example.com", "b@example.com", "subject", "body")|};
                    _ = {|#2:_ping.Send("example.com")|};
                    {|#3:_tls.AuthenticateAsClient("example.com")|};
                    {|#4:_stream.ReadExactly(_buffer)|};
                    _ = {|#5:_raw.Receive(_buffer)|};
                    _ = _file.GetResponse();
                    return default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "ClientWebSocket.SendAsync", "WebSocket"),
            Network(1, "SmtpClient.Send", "SMTP"),
            Network(2, "Ping.Send", "ping"),
            Network(3, "SslStream.AuthenticateAsClient", "TLS stream I/O"),
            Network(4, "NetworkStream.ReadExactly", "socket I/O"),
            Network(5, "Socket.Receive", "socket I/O"));
    }

    [Fact]
    public Task Static_Status_taking_a_StatusContext_is_analyzed()
    {
        var source = Plugin("""
                public static PhaseInfo Status(in StatusContext<M, R> context)
                {
                    _ = {|#0:Net.Shared.GetAsync(context.ResourceMeta.Id)|};
                    return PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(source, Network(0, "HttpClient.GetAsync"));
    }

    [Fact]
    public Task Default_interface_method_with_a_body_is_followed()
    {
        var source = Plugin(
            """
                private readonly IStateSource _source = new StateSource();

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_source.Refresh(r.State)|};
                    return default;
                }
            """,
            """
            public interface IStateSource
            {
                Task<string> Refresh(string id) => Net.Shared.GetStringAsync(id);
            }

            public sealed class StateSource : IStateSource { }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → IStateSource.Refresh → HttpClient.GetStringAsync"));
    }
}
