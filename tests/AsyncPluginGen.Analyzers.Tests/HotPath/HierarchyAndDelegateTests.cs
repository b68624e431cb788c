using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>
/// APG1001 through calls whose target is only known at run time (issue 15): interface, abstract and virtual members
/// resolved to the implementations this compilation declares, and delegates held in readonly fields and locals.
/// </summary>
public sealed class HierarchyAndDelegateTests
{
    private const string Pessimistic = "asyncplugingen.status.unknown_calls = pessimistic";

    [Fact]
    public Task Abstract_member_whose_only_override_resolves_DNS_is_reported_with_the_override_in_the_chain()
    {
        var source = Plugin(
            """
                private readonly Probe _probe = new DnsProbe();

                public PhaseInfo Status(R r) => {|#0:_probe.Check(r.State)|} ? PhaseInfo.Running() : default;
            """,
            """
            public abstract class Probe
            {
                public abstract bool Check(string host);
            }

            public sealed class DnsProbe : Probe
            {
                public override bool Check(string host) => System.Net.Dns.GetHostAddresses(host).Length > 0;
            }
            """);

        return Verify.VerifyAsync(source, Network(0, "Status → DnsProbe.Check → Dns.GetHostAddresses", "DNS lookup"));
    }

    [Fact]
    public Task Virtual_member_is_followed_into_its_body_and_every_override()
    {
        var source = Plugin(
            """
                private readonly Describer _describer = new RemoteDescriber();

                public PhaseInfo Status(R r) => {|#0:_describer.Describe(r)|}.Length > 0 ? PhaseInfo.Running() : default;
            """,
            """
            public class Describer
            {
                public virtual string Describe(R r) => r.State;
            }

            public class RemoteDescriber : Describer
            {
                public override string Describe(R r) => Net.Shared.GetStringAsync(r.State).Result;
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "Status → RemoteDescriber.Describe → HttpClient.GetStringAsync"),
            Blocking(0, "Status → RemoteDescriber.Describe → Task.Result", "synchronous wait for a task's result"));
    }

    [Fact]
    public Task Sealed_receiver_runs_only_its_own_override()
    {
        var source = Plugin(
            """
                private readonly LocalDescriber _describer = new LocalDescriber();

                public PhaseInfo Status(R r) => _describer.Describe(r).Length > 0 ? PhaseInfo.Running() : default;
            """,
            """
            public class Describer
            {
                public virtual string Describe(R r) => r.State;
            }

            public sealed class LocalDescriber : Describer
            {
                public override string Describe(R r) => r.State;
            }

            public sealed class RemoteDescriber : Describer
            {
                public override string Describe(R r) => Net.Shared.GetStringAsync(r.State).Result;
            }
            """);

        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Interface_implemented_twice_is_reported_through_the_implementation_that_calls_the_network()
    {
        var source = Plugin(
            """
                private readonly IStateSource _states = new CachedStates();

                public PhaseInfo Status(R r) => {|#0:_states.Read(r.State)|} == "done" ? PhaseInfo.Success() : PhaseInfo.Running();
            """,
            """
            public interface IStateSource
            {
                string Read(string id);
            }

            public sealed class CachedStates : IStateSource
            {
                public string Read(string id) => id;
            }

            public sealed class LiveStates : IStateSource
            {
                public string Read(string id) => Net.Shared.GetStringAsync(id).GetAwaiter().GetResult();
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "Status → LiveStates.Read → HttpClient.GetStringAsync"),
            Blocking(0, "Status → LiveStates.Read → TaskAwaiter.GetResult", "synchronous wait for a task's result"));
    }

    [Fact]
    public Task Library_interface_with_an_implementation_here_is_followed_and_still_unchecked_in_strict_mode()
    {
        var source = Plugin(
            """
                private readonly IComparer<string> _order = new RemoteOrder();
                private readonly IServiceProvider _services = null!;

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_order.Compare(r.State, "x")|};
                    _ = {|#1:_services.GetService(typeof(string))|};
                    return default;
                }
            """,
            """
            public sealed class RemoteOrder : IComparer<string>
            {
                public int Compare(string? x, string? y) => Net.Shared.GetStringAsync(x!).Result.Length;
            }
            """);

        // IComparer is a benign BCL abstraction in strict mode, but the implementation here is still followed.
        return Verify.VerifyAsync(
            [source],
            Pessimistic,
            Network(0, "Status → RemoteOrder.Compare → HttpClient.GetStringAsync"),
            Blocking(0, "Status → RemoteOrder.Compare → Task.Result", "synchronous wait for a task's result"),
            Unchecked(1, "IServiceProvider.GetService", "call through an interface; its implementation cannot be checked", "System.IServiceProvider.GetService"));
    }

    [Fact]
    public Task Static_readonly_field_holding_a_lambda_that_opens_a_socket_is_followed()
    {
        // The chain names the field; new TcpClient() only makes a socket object, Connect opens the connection.
        var source = Plugin(
            """
                private static readonly Func<string, bool> Reachable = host =>
                {
                    using var client = new System.Net.Sockets.TcpClient();
                    client.Connect(host, 443);
                    return client.Connected;
                };

                public PhaseInfo Status(R r) => {|#0:Reachable(r.State)|} ? PhaseInfo.Running() : default;
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "Status → Reachable → TcpClient.Connect", "socket I/O"),
            Allocation(0, "Status → Reachable → new TcpClient", "object creation"));
    }

    [Fact]
    public Task Readonly_field_holding_a_method_group_is_followed_through_the_method()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r) => {|#0:Fetch(r.State)|}.Length > 0 ? PhaseInfo.Running() : default;

                private static readonly Func<string, string> Fetch = Download;

                private static string Download(string id) => Net.Shared.GetStringAsync(id).Result;
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "Status → Download → HttpClient.GetStringAsync"),
            Blocking(0, "Status → Download → Task.Result", "synchronous wait for a task's result"));
    }

    [Fact]
    public Task Field_assigned_outside_its_initializer_stays_unknown()
    {
        var source = Plugin(
            """
                private readonly Func<string, bool> _check = static s => s.Length > 0;

                public P(bool remote)
                {
                    if (remote)
                    {
                        _check = s => Net.Shared.GetStringAsync(s).Result.Length > 0;
                    }
                }

                public PhaseInfo Status(R r) => {|#0:_check(r.State)|} ? PhaseInfo.Running() : default;
            """);

        return Verify.VerifyAsync(
            [source],
            Pessimistic,
            Unchecked(0, "Func.Invoke", "call through a delegate; its target cannot be checked", "System.Func.Invoke"));
    }

    [Fact]
    public Task Local_holding_a_lambda_is_not_reported_as_unknown()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r)
                {
                    Func<string, int> measure = static s => s.Length;
                    return measure(r.State) > 0 ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync([source], Pessimistic);
    }

    [Fact]
    public Task Parameter_delegate_is_unknown_in_strict_mode()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r) => {|#0:Map(r, static s => s.Length)|};

                private static PhaseInfo Map(R r, Func<string, int> measure) => measure(r.State) > 0 ? PhaseInfo.Running() : default;
            """);

        return Verify.VerifyAsync(
            [source],
            Pessimistic,
            Unchecked(0, "Status → Map → Func.Invoke", "call through a delegate; its target cannot be checked", "System.Func.Invoke"));
    }
}
