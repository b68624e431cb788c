using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers;

/// <summary>How unknown call targets (interfaces, abstract or virtual members, delegates) are treated.</summary>
public enum UnknownCallMode
{
    /// <summary>Assume they are safe (the default): no false positives, but a network call behind an interface is missed.</summary>
    Optimistic,

    /// <summary>Report them as possible network calls.</summary>
    Pessimistic,
}

/// <summary>
/// The .editorconfig settings of the Status hot-path rules, read per syntax tree:
/// <list type="table">
/// <item><term><c>asyncplugingen.status.max_depth</c></term><description>how many helper calls deep to follow (default 32, at most 256, 0 to check Status only); where it stops, APG1006 says so.</description></item>
/// <item><term><c>asyncplugingen.status.unknown_calls</c></term><description><c>optimistic</c> (default) or <c>pessimistic</c> (strict mode: calls that cannot be checked are reported under APG1005).</description></item>
/// <item><term><c>asyncplugingen.status.in_process_databases</c></term><description>comma-separated: <c>sqlite</c> treats SQLite calls as in-process, not network.</description></item>
/// <item><term><c>asyncplugingen.status.allowed_members</c></term><description>comma-separated <c>Namespace.Type.Member</c> or <c>Namespace.Type</c> names that Status may call without checks.</description></item>
/// </list>
/// </summary>
public sealed class StatusAnalysisOptions
{
    public const string MaxDepthKey = "asyncplugingen.status.max_depth";
    public const string UnknownCallsKey = "asyncplugingen.status.unknown_calls";
    public const string InProcessDatabasesKey = "asyncplugingen.status.in_process_databases";
    public const string AllowedMembersKey = "asyncplugingen.status.allowed_members";
    /// <summary>
    /// Deep enough for any real helper chain: summaries are memoized, so depth costs nothing until a chain is that long,
    /// and the per-Status body budget bounds the work either way.
    /// </summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The largest depth accepted; a larger value is read as this one.</summary>
    public const int MaxMaxDepth = 256;

    /// <summary>The defaults: depth 32, optimistic, no in-process databases, nothing allowed.</summary>
    public static StatusAnalysisOptions Default { get; } = new(DefaultMaxDepth, UnknownCallMode.Optimistic, false, ImmutableHashSet<string>.Empty);

    public StatusAnalysisOptions(int maxDepth, UnknownCallMode unknownCalls, bool sqliteIsInProcess, ImmutableHashSet<string> allowedMembers)
    {
        MaxDepth = maxDepth;
        UnknownCalls = unknownCalls;
        SqliteIsInProcess = sqliteIsInProcess;
        AllowedMembers = allowedMembers;
    }

    public int MaxDepth { get; }

    public UnknownCallMode UnknownCalls { get; }

    public bool SqliteIsInProcess { get; }

    /// <summary>Fully qualified type or type-and-member names (no <c>global::</c>, no parameters).</summary>
    public ImmutableHashSet<string> AllowedMembers { get; }

    /// <summary>Reads the options that apply to <paramref name="tree"/>; unreadable values fall back to the defaults.</summary>
    public static StatusAnalysisOptions Read(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var depth = config.TryGetValue(MaxDepthKey, out var d) && int.TryParse(d.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
            ? Math.Min(parsed, MaxMaxDepth)
            : DefaultMaxDepth;
        var mode = config.TryGetValue(UnknownCallsKey, out var m) && string.Equals(m.Trim(), "pessimistic", StringComparison.OrdinalIgnoreCase)
            ? UnknownCallMode.Pessimistic
            : UnknownCallMode.Optimistic;
        var sqlite = config.TryGetValue(InProcessDatabasesKey, out var db) && List(db).Any(v => string.Equals(v, "sqlite", StringComparison.OrdinalIgnoreCase));
        var allowed = config.TryGetValue(AllowedMembersKey, out var a) ? List(a).ToImmutableHashSet(StringComparer.Ordinal) : ImmutableHashSet<string>.Empty;
        return depth == DefaultMaxDepth && mode == UnknownCallMode.Optimistic && !sqlite && allowed.IsEmpty
            ? Default
            : new StatusAnalysisOptions(depth, mode, sqlite, allowed);
    }

    private static string[] List(string value) =>
        value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}
