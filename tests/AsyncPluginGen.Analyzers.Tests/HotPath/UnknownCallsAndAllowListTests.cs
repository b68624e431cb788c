using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>APG1001 for calls whose target cannot be seen (optimistic and pessimistic), and the allow list.</summary>
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
                _ = {|#2:_mapper.Map(r)|};
                return {|#3:_map(r.State)|};
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
    public Task Interface_abstract_virtual_and_delegate_calls_are_trusted_by_default()
    {
        return Verify.VerifyAsync([InterfaceSource()], null);
    }

    [Fact]
    public Task Interface_abstract_virtual_and_delegate_calls_are_reported_when_pessimistic()
    {
        return Verify.VerifyAsync(
            [InterfaceSource()],
            Pessimistic,
            Network(0, "IJobs.Fetch", "call through an interface; its implementation cannot be checked"),
            Network(1, "Stream.ReadByte", "virtual call; the override that runs cannot be checked"),
            Network(2, "Mapper.Map", "call to an abstract member; its implementation cannot be checked"),
            Network(3, "Func.Invoke", "call through a delegate; its target cannot be checked"));
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
            Network(0, "Status → Helper → IJobs.Fetch", "call through an interface; its implementation cannot be checked"));
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
