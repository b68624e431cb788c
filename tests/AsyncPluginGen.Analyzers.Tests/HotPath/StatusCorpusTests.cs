using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;
using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>
/// The Status network rule against a corpus of realistic Status bodies, each labelled by hand: reaches the network,
/// harmless, or cannot be checked (a library abstraction, a delegate from outside). Measures recall (network bodies
/// reported under APG1001) and false positives (APG1001 on the others; in strict mode, APG1005 on harmless bodies), in
/// the default and the strict mode, and prints the figures.
/// </summary>
public sealed class StatusCorpusTests(ITestOutputHelper output)
{
    private const string UnknownCallsKey = "asyncplugingen.status.unknown_calls";

    private enum Label
    {
        Network,
        Harmless,
        Uncheckable,
    }

    private static readonly (string Name, Label Label, string Members, string Types)[] Corpus =
    [
        ("DirectHttp", Label.Network, """
            public PhaseInfo Status(R r) => _client.GetStringAsync(r.State).Result.Length > 0 ? PhaseInfo.Running() : default;
            """, ""),
        ("SevenDeep", Label.Network, """
            public PhaseInfo Status(R r) => L1(r.State);
            private PhaseInfo L1(string s) => L2(s);
            private PhaseInfo L2(string s) => L3(s);
            private PhaseInfo L3(string s) => L4(s);
            private PhaseInfo L4(string s) => L5(s);
            private PhaseInfo L5(string s) => L6(s);
            private PhaseInfo L6(string s) => L7(s);
            private PhaseInfo L7(string s) => _client.GetAsync(s).IsCompleted ? PhaseInfo.Running() : default;
            """, ""),
        ("AbstractDnsProbe", Label.Network, """
            private readonly Probe1 _probe = new DnsProbe1();
            public PhaseInfo Status(R r) => _probe.Check(r.State) ? PhaseInfo.Running() : default;
            """, """
            public abstract class Probe1 { public abstract bool Check(string host); }
            public sealed class DnsProbe1 : Probe1 { public override bool Check(string host) => System.Net.Dns.GetHostAddresses(host).Length > 0; }
            """),
        ("InterfaceClient", Label.Network, """
            private readonly IJobApi2 _api = new JobApi2();
            public PhaseInfo Status(R r) => _api.State(r.State) == "done" ? PhaseInfo.Success() : PhaseInfo.Running();
            """, """
            public interface IJobApi2 { string State(string id); }
            public sealed class JobApi2 : IJobApi2 { public string State(string id) => Net.Shared.GetStringAsync(id).Result; }
            """),
        ("VirtualOverride", Label.Network, """
            private readonly Describer3 _describer = new RemoteDescriber3();
            public PhaseInfo Status(R r) => _describer.Describe(r.State).Length > 0 ? PhaseInfo.Running() : default;
            """, """
            public class Describer3 { public virtual string Describe(string s) => s; }
            public class RemoteDescriber3 : Describer3 { public override string Describe(string s) => Net.Shared.GetStringAsync(s).Result; }
            """),
        ("SocketLambdaField", Label.Network, """
            private static readonly Func<string, bool> Reachable = host => { using var c = new System.Net.Sockets.TcpClient(); c.Connect(host, 443); return c.Connected; };
            public PhaseInfo Status(R r) => Reachable(r.State) ? PhaseInfo.Running() : default;
            """, ""),
        ("MethodGroupField", Label.Network, """
            private static readonly Func<string, string> Fetch = Download;
            private static string Download(string id) => Net.Shared.GetStringAsync(id).Result;
            public PhaseInfo Status(R r) => Fetch(r.State).Length > 0 ? PhaseInfo.Running() : default;
            """, ""),
        ("PropertyGetter", Label.Network, """
            private string Remote => _client.GetStringAsync("x").Result;
            public PhaseInfo Status(R r) => Remote.Length > 0 ? PhaseInfo.Running() : default;
            """, ""),
        ("Constructor", Label.Network, """
            public PhaseInfo Status(R r) => new Fetcher9(r.State).Text.Length > 0 ? PhaseInfo.Running() : default;
            """, """
            public sealed class Fetcher9 { public Fetcher9(string id) => Text = Net.Shared.GetStringAsync(id).Result; public string Text { get; } }
            """),
        ("JsonExtension", Label.Network, """
            public PhaseInfo Status(R r) => _client.GetFromJsonAsync<R>(r.State).Result is null ? default : PhaseInfo.Running();
            """, ""),
        ("LocalFunction", Label.Network, """
            public PhaseInfo Status(R r)
            {
                return Load(r.State).Length > 0 ? PhaseInfo.Running() : default;
                string Load(string id) => _client.GetStringAsync(id).Result;
            }
            """, ""),
        ("DerivedClient", Label.Network, """
            private readonly JobsClient12 _jobs = new JobsClient12();
            public PhaseInfo Status(R r) => _jobs.GetAsync(r.State).IsCompleted ? PhaseInfo.Running() : default;
            """, """
            public sealed class JobsClient12 : HttpClient { }
            """),
        ("Database", Label.Network, """
            private readonly System.Data.Common.DbCommand _command = null!;
            public PhaseInfo Status(R r) => _command.ExecuteScalar() is null ? default : PhaseInfo.Running();
            """, ""),
        ("DeepInterfaceAndLambda", Label.Network, """
            private readonly ISource14 _source = new Source14();
            public PhaseInfo Status(R r) => A(r.State);
            private PhaseInfo A(string s) => B(s);
            private PhaseInfo B(string s) => _source.Read(s) ? PhaseInfo.Running() : default;
            """, """
            public interface ISource14 { bool Read(string s); }
            public sealed class Source14 : ISource14
            {
                private static readonly Func<string, bool> Probe = s => System.Net.Dns.GetHostEntry(s).AddressList.Length > 0;
                public bool Read(string s) => Probe(s);
            }
            """),

        ("StateSwitch", Label.Harmless, """
            public PhaseInfo Status(R r) => r.State switch { "done" => PhaseInfo.Success(), "failed" => PhaseInfo.Failure("Failed", "it failed"), _ => PhaseInfo.Running() };
            """, ""),
        ("ClientFactory", Label.Harmless, """
            private readonly IHttpClientFactory _factory = null!;
            public PhaseInfo Status(R r) => _factory.CreateClient("jobs") is null ? default : PhaseInfo.Running();
            """, """
            namespace System.Net.Http
            {
                // Microsoft.Extensions.Http is not referenced here; its interface, as it is declared there.
                public interface IHttpClientFactory { HttpClient CreateClient(string name); }
            }
            """),
        ("Channel", Label.Harmless, """
            private readonly System.Threading.Channels.ChannelWriter<string> _changes = null!;
            public PhaseInfo Status(R r) => _changes.TryWrite(r.State) ? PhaseInfo.Running() : default;
            """, ""),
        ("Endpoint", Label.Harmless, """
            private readonly IPEndPoint _endpoint = new IPEndPoint(IPAddress.Loopback, 80);
            public PhaseInfo Status(R r) => _endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? PhaseInfo.Running() : default;
            """, ""),
        ("ReadOnlyDictionary", Label.Harmless, """
            private readonly IReadOnlyDictionary<string, PhaseInfo> _phases = new Dictionary<string, PhaseInfo>();
            public PhaseInfo Status(R r) => _phases.TryGetValue(r.State, out var phase) ? phase : PhaseInfo.Running();
            """, ""),
        ("List", Label.Harmless, """
            private readonly IList<string> _done = new List<string>();
            public PhaseInfo Status(R r) => _done.Count > 0 && _done[0] == r.State ? PhaseInfo.Success() : PhaseInfo.Running();
            """, ""),
        ("Comparer", Label.Harmless, """
            private readonly IEqualityComparer<string> _states = StringComparer.OrdinalIgnoreCase;
            public PhaseInfo Status(R r) => _states.Equals(r.State, "done") ? PhaseInfo.Success() : PhaseInfo.Running();
            """, ""),
        ("JsonNode", Label.Harmless, """
            private readonly System.Text.Json.Nodes.JsonNode _node = System.Text.Json.Nodes.JsonNode.Parse("{}")!;
            public PhaseInfo Status(R r) => _node[r.State] is null ? PhaseInfo.Running() : PhaseInfo.Success();
            """, ""),
        ("UriAndAddress", Label.Harmless, """
            public PhaseInfo Status(R r) => Uri.IsWellFormedUriString(r.State, UriKind.Absolute) && IPAddress.TryParse(r.State, out _) ? PhaseInfo.Running() : default;
            """, ""),
        ("AbstractHarmless", Label.Harmless, """
            private readonly Mapper24 _mapper = new ConstantMapper24();
            public PhaseInfo Status(R r) => _mapper.Map(r.State);
            """, """
            public abstract class Mapper24 { public abstract PhaseInfo Map(string s); }
            public sealed class ConstantMapper24 : Mapper24 { public override PhaseInfo Map(string s) => PhaseInfo.Running(); }
            """),
        ("LambdaFieldHarmless", Label.Harmless, """
            private static readonly Func<string, bool> IsDone = static s => s == "done";
            public PhaseInfo Status(R r) => IsDone(r.State) ? PhaseInfo.Success() : PhaseInfo.Running();
            """, ""),
        ("LocalLambda", Label.Harmless, """
            public PhaseInfo Status(R r)
            {
                Func<string, bool> isDone = static s => s == "done";
                return isDone(r.State) ? PhaseInfo.Success() : PhaseInfo.Running();
            }
            """, ""),
        ("Clock", Label.Harmless, """
            private readonly TimeProvider _time = TimeProvider.System;
            public PhaseInfo Status(R r) => _time.GetUtcNow().Year > 2000 ? PhaseInfo.Running() : default;
            """, ""),
        ("Encoding", Label.Harmless, """
            public PhaseInfo Status(R r) => System.Text.Encoding.UTF8.GetByteCount(r.State) > 3 ? PhaseInfo.Running() : default;
            """, ""),
        ("Formattable", Label.Harmless, """
            private readonly IFormattable _count = 3;
            public PhaseInfo Status(R r) => _count.ToString("D2", null) == r.State ? PhaseInfo.Success() : PhaseInfo.Running();
            """, ""),

        ("LibraryStream", Label.Uncheckable, """
            private readonly System.IO.Stream _stream = System.IO.Stream.Null;
            public PhaseInfo Status(R r) => _stream.ReadByte() > 0 ? PhaseInfo.Running() : default;
            """, ""),
        ("ServiceProvider", Label.Uncheckable, """
            private readonly IServiceProvider _services = null!;
            public PhaseInfo Status(R r) => _services.GetService(typeof(string)) is null ? default : PhaseInfo.Running();
            """, ""),
        ("DelegateParameter", Label.Uncheckable, """
            public PhaseInfo Status(R r) => Map(r, static s => s.Length);
            private static PhaseInfo Map(R r, Func<string, int> measure) => measure(r.State) > 0 ? PhaseInfo.Running() : default;
            """, ""),
        ("InterfaceWithoutImplementation", Label.Uncheckable, """
            private readonly IJobs34 _jobs = null!;
            public PhaseInfo Status(R r) => _jobs.State(r.State) == "done" ? PhaseInfo.Success() : PhaseInfo.Running();
            """, """
            public interface IJobs34 { string State(string id); }
            """),
        ("FieldAssignedTwice", Label.Uncheckable, """
            private readonly Func<string, bool> _check = static s => s.Length > 0;
            public PhaseInfo Status(R r) => _check(r.State) ? PhaseInfo.Running() : default;
            """, ""),
        ("TextReader", Label.Uncheckable, """
            private readonly System.IO.TextReader _reader = System.IO.TextReader.Null;
            public PhaseInfo Status(R r) => _reader.ReadLine() == r.State ? PhaseInfo.Success() : PhaseInfo.Running();
            """, ""),
    ];

    [Fact]
    public async Task Default_mode_finds_every_network_body_and_flags_nothing_else()
    {
        var (found, falsePositives, unchecked_) = await RunAsync(strict: false);
        Assert.Equal(Names(Label.Network), found);
        Assert.Empty(falsePositives);
        Assert.Empty(unchecked_);
    }

    [Fact]
    public async Task Strict_mode_finds_every_network_body_and_reports_only_uncheckable_ones_under_APG1005()
    {
        var (found, falsePositives, unchecked_) = await RunAsync(strict: true);
        Assert.Equal(Names(Label.Network), found);
        Assert.Empty(falsePositives);
        Assert.Equal(Names(Label.Uncheckable), unchecked_);
    }

    private static string[] Names(Label label) => [.. Corpus.Where(c => c.Label == label).Select(c => c.Name).Order(StringComparer.Ordinal)];

    /// <returns>
    /// The network bodies reported under APG1001; the other bodies reported under APG1001 (false positives); the bodies
    /// reported under APG1005.
    /// </returns>
    private async Task<(string[] Found, string[] FalsePositives, string[] Unchecked)> RunAsync(bool strict)
    {
        var plugins = string.Concat(Corpus.Select(c => PluginClass(c.Name, c.Members) + c.Types + "\n"));
        // The field that a constructor assigns again: the corpus's one body that needs a constructor.
        var constructor = """
            public partial class FieldAssignedTwice
            {
                public FieldAssignedTwice(bool remote)
                {
                    if (remote)
                    {
                        _check = s => Net.Shared.GetStringAsync(s).Result.Length > 0;
                    }
                }
            }
            """;
        var settings = strict ? ImmutableDictionary<string, string>.Empty.Add(UnknownCallsKey, "pessimistic") : ImmutableDictionary<string, string>.Empty;
        var diagnostics = await HotPathRunner.RunAsync(allowCompilerErrors: false, settings, Usings + Types + plugins + constructor);

        var byPlugin = diagnostics
            .Where(d => d.Id is "APG1001" or "APG1005")
            .GroupBy(d => (d.Id, Plugin: PluginOf(d)))
            .Select(g => g.Key)
            .ToList();
        var labels = Corpus.ToDictionary(c => c.Name, c => c.Label, StringComparer.Ordinal);
        string[] Select(string id, Func<Label, bool> which) =>
            [.. byPlugin.Where(p => p.Id == id && which(labels[p.Plugin])).Select(p => p.Plugin).Distinct().Order(StringComparer.Ordinal)];

        var found = Select("APG1001", l => l == Label.Network);
        var falsePositives = Select("APG1001", l => l != Label.Network).Concat(Select("APG1005", l => l == Label.Harmless)).ToArray();
        var uncheckedBodies = Select("APG1005", l => l == Label.Uncheckable);
        var network = Corpus.Count(c => c.Label == Label.Network);
        var others = Corpus.Length - network;
        output.WriteLine($"{(strict ? "strict" : "default")} mode: recall {found.Length}/{network} network bodies; false positives {falsePositives.Length}/{others} other bodies" +
            (strict ? $"; APG1005 on {uncheckedBodies.Length}/{Corpus.Count(c => c.Label == Label.Uncheckable)} uncheckable bodies" : string.Empty));
        return (found, falsePositives, uncheckedBodies);
    }

    private static string PluginOf(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>()!.Identifier.ValueText;
}
