using System.Text;
using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>
/// Where the Status check stops, it says so (APG1006, issue 15): at the depth limit, naming the chain and the setting
/// that raises it, and when the per-Status budget of method bodies runs out. Never silently.
/// </summary>
public sealed class CheckLimitTests
{
    [Fact]
    public async Task A_chain_longer_than_the_default_depth_gets_one_info_diagnostic_naming_where_the_check_stopped()
    {
        var helpers = new StringBuilder();
        for (var i = 1; i <= 40; i++)
        {
            helpers.AppendLine($"    private PhaseInfo L{i}() => L{i + 1}();");
        }

        helpers.AppendLine("    private PhaseInfo L41() => _client.GetAsync(\"x\").IsCompleted ? PhaseInfo.Running() : default;");
        var diagnostics = await HotPathRunner.RunAsync(Plugin("    public PhaseInfo Status(R r) => L1();\n" + helpers));

        var stop = Assert.Single(diagnostics);
        Assert.Equal("APG1006", stop.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, stop.Severity);
        Assert.Equal("L1()", HotPathRunner.Text(stop));
        var chain = "Status → " + string.Join(" → ", Enumerable.Range(1, 33).Select(i => "L" + i));
        Assert.Equal(
            $"The Status check did not look past {chain} (asyncplugingen.status.max_depth = 32 was reached); what that call reaches was not checked for network calls, blocking or allocations; raise asyncplugingen.status.max_depth (at most 256) to check further",
            stop.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Raising_the_depth_finds_the_network_call_at_the_end_of_the_long_chain()
    {
        var helpers = new StringBuilder();
        for (var i = 1; i <= 40; i++)
        {
            helpers.AppendLine($"    private PhaseInfo L{i}() => L{i + 1}();");
        }

        helpers.AppendLine("    private PhaseInfo L41() => _client.GetAsync(\"x\").IsCompleted ? PhaseInfo.Running() : default;");
        var settings = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("asyncplugingen.status.max_depth", "64");
        var diagnostics = await HotPathRunner.RunAsync(allowCompilerErrors: false, settings, Plugin("    public PhaseInfo Status(R r) => L1();\n" + helpers));

        var network = Assert.Single(diagnostics);
        Assert.Equal("APG1001", network.Id);
        Assert.EndsWith("L41 → HttpClient.GetAsync (HTTP request); do the call in Get and keep what Status needs on the resource", network.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_out_of_the_body_budget_is_reported_once()
    {
        // More helpers than the budget lets one Status walk: the check stops, says so once, and stays correct before that.
        var calls = new StringBuilder();
        var helpers = new StringBuilder();
        for (var i = 0; i < 4_100; i++)
        {
            calls.AppendLine($"        _ = H{i}();");
            helpers.AppendLine($"    private static int H{i}() => {i};");
        }

        var status = "    public PhaseInfo Status(R r)\n    {\n" + calls + "        return PhaseInfo.Running();\n    }\n";
        var diagnostics = await HotPathRunner.RunAsync(Plugin(status + helpers));

        var stop = Assert.Single(diagnostics);
        Assert.Equal("APG1006", stop.Id);
        Assert.Contains("the check's budget of 4000 method bodies per Status ran out", stop.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("H4000()", HotPathRunner.Text(stop));
    }
}
