using System.Text;
using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>The analyzer must never throw (AD0001), whatever members Status reaches, and must cope with large projects.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task Unusual_members_are_followed_or_skipped_without_crashing()
    {
        var diagnostics = await HotPathRunner.RunAsync(Plugin(
            """
                partial void OnPoll();

                [System.Runtime.InteropServices.DllImport("native")]
                private static extern int NativeCount();

                private int this[int index] => _client.GetAsync("x").IsCompleted ? index : 0;

                private event EventHandler? Polled;

                ~P() { }

                public PhaseInfo Status(R r)
                {
                    OnPoll();
                    _ = NativeCount();
                    _ = this[1];
                    Polled?.Invoke(this, EventArgs.Empty);
                    var total = new Money(1) + new Money(2);
                    int converted = new Money(3);
                    _ = Local<int>(1);
                    _ = new Point(1, 2);
                    _ = new Implicit();
                    dynamic d = r.State;
                    _ = d.Length;
                    return total.Value + converted > 0 ? PhaseInfo.Running() : default;

                    static T Local<T>(T value) => value;
                }
            """,
            """
            public readonly struct Money
            {
                public Money(int value) => Value = value;
                public int Value { get; }
                public static Money operator +(Money a, Money b)
                {
                    _ = Net.Shared.GetAsync("x");
                    return new Money(a.Value + b.Value);
                }

                public static implicit operator int(Money m) => Net.Shared.GetAsync("y").IsCompleted ? m.Value : 0;
            }

            public sealed record Point(int X, int Y)
            {
                public int Sum { get; } = X + Y;
            }

            public sealed class Implicit
            {
                private readonly int _ready = Net.Shared.GetAsync("z").IsCompleted ? 1 : 0;
            }
            """));

        var network = diagnostics.Where(d => d.Id == DiagnosticIds.NetworkCallInStatus).Select(d => d.GetMessage()).OrderBy(m => m, StringComparer.Ordinal).ToArray();
        Assert.Collection(
            network,
            m => Assert.Contains("Status → Money.op_Addition → HttpClient.GetAsync", m, StringComparison.Ordinal),
            m => Assert.Contains("Status → Money.op_Implicit → HttpClient.GetAsync", m, StringComparison.Ordinal),
            m => Assert.Contains("Status → new Implicit → HttpClient.GetAsync", m, StringComparison.Ordinal),
            m => Assert.Contains("Status → this[] → HttpClient.GetAsync", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Code_that_does_not_compile_is_analyzed_without_crashing()
    {
        var diagnostics = await HotPathRunner.RunAsync(
            allowCompilerErrors: true,
            Plugin(
                """
                    public PhaseInfo Status(R r)
                    {
                        _ = Missing(r).Frobnicate();
                        _ = _client.GetAsync(;
                        var x = new UnknownType { Name = r.State };
                        Helper(1, 2, 3);
                        return Recurse(r) + ;
                    }

                    private PhaseInfo Recurse(R r) => Recurse(r);
                    private void Helper(int a) => _ = _client.GetAsync("x");
                    partial void NoBody(int a) { }
                """,
                """
                public class Broken : IDoesNotExist
                {
                    public Broken() : base(Net.Shared.GetAsync("x")) { }
                }
                """));

        Assert.All(diagnostics, d => Assert.StartsWith("APG100", d.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_hundred_plugins_with_deep_helper_chains_are_analyzed()
    {
        var source = new StringBuilder(Usings + Types);
        source.AppendLine("""
            public static class SharedChain
            {
                public static int S1(int n) => S2(n);
                public static int S2(int n) => S3(n);
                public static int S3(int n) => S4(n);
                public static int S4(int n) => S5(n);
                public static int S5(int n) => Net.Shared.GetAsync("x").IsCompleted ? n : 0;
            }
            """);
        for (var i = 0; i < 200; i++)
        {
            source.AppendLine(PluginClass($"P{i}", $$"""
                    public PhaseInfo Status(R r) => A1(r.Count) + SharedChain.S1(r.Count) > 0 ? PhaseInfo.Running() : default;
                    private int A1(int n) => A2(n + {{i}});
                    private int A2(int n) => A3(n);
                    private int A3(int n) => A4(n);
                    private int A4(int n) => A5(n);
                    private int A5(int n)
                    {
                        _ = _client.GetAsync("x");
                        return n;
                    }
                """));
        }

        var diagnostics = await HotPathRunner.RunAsync(source.ToString());

        Assert.Equal(400, diagnostics.Count(d => d.Id == DiagnosticIds.NetworkCallInStatus));
        Assert.Equal(400, diagnostics.Length);
    }
}
