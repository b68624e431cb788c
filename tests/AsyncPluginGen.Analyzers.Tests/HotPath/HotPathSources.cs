using Microsoft.CodeAnalysis.Testing;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>Test sources for the Status hot-path rules: a plugin skeleton whose members the test supplies, and expected results.</summary>
internal static class HotPathSources
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        """;

    /// <summary>Shared types: the meta and resource records, and a static client any helper can reach.</summary>
    public const string Types = """
        public sealed record M(string Id);
        public sealed record R(string State, int Count);
        public static class Net
        {
            public static readonly HttpClient Shared = new HttpClient();
        }

        """;

    /// <summary>
    /// A plugin class <c>P</c> with working Create/Get/Delete, a client field, and <paramref name="members"/>
    /// (which include Status); <paramref name="extra"/> is appended after the class.
    /// </summary>
    public static string Plugin(string members, string extra = "") => Usings + Types + PluginClass("P", members) + extra;

    /// <summary>One more plugin class, to put in <c>extra</c>.</summary>
    public static string PluginClass(string name, string members) => $$"""
        [AsyncPlugin("{{name.ToLowerInvariant()}}")]
        public partial class {{name}}
        {
            private readonly HttpClient _client = new HttpClient();
            public M Create(TaskContext task) => new M("x");
            public R Get(M meta) => new R("done", 1);
            public void Delete(M meta) { }
        {{members}}
        }

        """;

    public static DiagnosticResult Network(int location, string chain, string description = "HTTP request") =>
        Verify.Diagnostic(Descriptors.NetworkCallInStatus).WithLocation(location).WithArguments(chain, description);

    /// <summary>APG1005 (strict mode): <paramref name="member"/> is how allowed_members names it.</summary>
    public static DiagnosticResult Unchecked(int location, string chain, string why, string member) =>
        Verify.Diagnostic(Descriptors.UncheckedCallInStatus).WithLocation(location).WithArguments(chain, why, member);

    /// <summary>APG1006 where the depth limit stopped the check.</summary>
    public static DiagnosticResult StoppedAtDepth(int location, string chain, int maxDepth) =>
        Verify.Diagnostic(Descriptors.StatusCheckIncomplete).WithLocation(location).WithArguments(
            chain,
            $"asyncplugingen.status.max_depth = {maxDepth} was reached",
            "raise asyncplugingen.status.max_depth (at most 256) to check further");

    public static DiagnosticResult Blocking(int location, string chain, string description) =>
        Verify.Diagnostic(Descriptors.BlockingCallInStatus).WithLocation(location).WithArguments(chain, description);

    public static DiagnosticResult Allocation(int location, string chain, string description) =>
        Verify.Diagnostic(Descriptors.AllocationInStatus).WithLocation(location).WithArguments(chain, description);

    public static DiagnosticResult Async(int location, string name, string description) =>
        Verify.Diagnostic(Descriptors.AsyncStatus).WithLocation(location).WithArguments(name, description);
}
