using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>Calls whose target is not known at compile time (APG1001 when followed to the network, APG1005 in strict mode), and the allow list.</summary>
public sealed class UnknownCallsAndAllowListTests
{
    private const string Pessimistic = "asyncplugingen.status.unknown_calls = pessimistic";

    private static string InterfaceSource() => Plugin(
        """
            private readonly IJobs _jobs = new Jobs();
            private readonly Func<string, PhaseInfo> _map = static s => PhaseInfo.Running();
            private readonly System.IO.Stream _stream = System.IO.Stream.Null;
            private readonly Mapper _mapper = new ConstantMapper();

            public PhaseInfo Status(R r)
            {
                _ = {|#0:_jobs.Fetch(r.State)|};
                _ = {|#1:_stream.ReadByte()|};
                _ = _mapper.Map(r);
                return _map(r.State);
            }
        """,
        """
        public interface IJobs
        {
            Task<string> Fetch(string id);
        }

        public sealed class Jobs : IJobs
        {
            public Task<string> Fetch(string id) => Net.Shared.GetStringAsync(id);
        }

        public abstract class Mapper
        {
            public abstract PhaseInfo Map(R resource);
        }

        public sealed class ConstantMapper : Mapper
        {
            public override PhaseInfo Map(R resource) => PhaseInfo.Running();
        }
        """);

    [Fact]
    public Task Calls_through_source_abstractions_are_followed_and_library_ones_trusted_by_default()
    {
        // IJobs has one implementation here, and it calls the network; Mapper's and the field's lambda do not.
        return Verify.VerifyAsync([InterfaceSource()], null, Network(0, "Status → Jobs.Fetch → HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Strict_mode_reports_only_what_cannot_be_checked_and_under_its_own_id()
    {
        // Stream.ReadByte may run any library's override; everything else resolves to code in this compilation.
        return Verify.VerifyAsync(
            [InterfaceSource()],
            Pessimistic,
            Network(0, "Status → Jobs.Fetch → HttpClient.GetStringAsync"),
            Unchecked(1, "Stream.ReadByte", "virtual call; the override that runs cannot be checked", "System.IO.Stream.ReadByte"));
    }

    [Fact]
    public Task Pessimistic_mode_reports_unknown_calls_in_helpers_with_the_chain()
    {
        var source = Plugin(
            """
                private readonly IJobs _jobs = null!;

                public PhaseInfo Status(R r) => {|#0:Helper(r)|};

                private PhaseInfo Helper(R r)
                {
                    _ = _jobs.Fetch(r.State);
                    return default;
                }
            """,
            """
            public interface IJobs
            {
                Task<string> Fetch(string id);
            }
            """);

        return Verify.VerifyAsync(
            [source],
            Pessimistic,
            Unchecked(0, "Status → Helper → IJobs.Fetch", "call through an interface; its implementation cannot be checked", "IJobs.Fetch"));
    }

    [Fact]
    public Task Pessimistic_mode_trusts_sealed_receivers_and_object_members()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    _ = r.State.Length;
                    _ = r.Equals(r);
                    _ = r.GetHashCode();
                    return PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync([source], Pessimistic);
    }

    [Fact]
    public Task Helper_marked_AllowInStatus_is_not_looked_into()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r) => Cached(r.State).Length > 0 ? PhaseInfo.Running() : default;

                [AllowInStatus("reads a warm in-memory cache; the network call only runs at start-up")]
                private string Cached(string id)
                {
                    _ = _client.GetStringAsync(id);
                    return id + "!";
                }
            """);

        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Type_marked_AllowInStatus_is_not_looked_into()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r)
                {
                    _ = StateCache.Lookup(r.State);
                    _ = StateCache.Count;
                    return default;
                }
            """,
            """
            [AllowInStatus("in-memory")]
            public static class StateCache
            {
                public static int Count => Net.Shared.GetStringAsync("x").Result.Length;
                public static string Lookup(string id) => Net.Shared.GetStringAsync(id).Result;
            }
            """);

        return Verify.VerifyAsync(source);
    }

    private static string ConfiguredSource() => Plugin(
        """
            public PhaseInfo Status(R r)
            {
                _ = Contoso.Cache.Lookup(r.State);
                _ = {|#0:Contoso.Cache.Refresh(r.State)|};
                return default;
            }
        """,
        """
        namespace Contoso
        {
            public static class Cache
            {
                public static Task<string> Lookup(string id) => Net.Shared.GetStringAsync(id);
                public static Task<string> Refresh(string id) => Net.Shared.GetStringAsync(id);
            }
        }
        """);

    [Fact]
    public Task Allowed_members_setting_exempts_one_member()
    {
        return Verify.VerifyAsync(
            [ConfiguredSource()],
            "asyncplugingen.status.allowed_members = Contoso.Cache.Lookup, Some.Other.Type",
            Network(0, "Status → Cache.Refresh → HttpClient.GetStringAsync"));
    }

    [Fact]
    public Task Allowed_members_setting_exempts_a_whole_type()
    {
        return Verify.VerifyAsync([ConfiguredSource()], "asyncplugingen.status.allowed_members = Contoso.Cache");
    }

    [Fact]
    public Task Allowed_members_setting_can_exempt_a_library_member()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    _ = _client.GetStringAsync(r.State);
                    _ = {|#0:_client.GetAsync(r.State)|};
                    return default;
                }
            """);

        return Verify.VerifyAsync(
            [source],
            "asyncplugingen.status.allowed_members = System.Net.Http.HttpClient.GetStringAsync",
            Network(0, "HttpClient.GetAsync"));
    }
}
