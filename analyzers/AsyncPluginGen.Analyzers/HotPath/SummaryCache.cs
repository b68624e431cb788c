using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Memoized helper summaries for one compilation and one set of options (the allow list, unknown-call mode and SQLite
/// switch change what a body reaches). Keyed by method and remaining depth; a summary that never ran out of depth is
/// also valid for every larger depth and is stored under <see cref="AnyDepth"/>.
/// </summary>
internal sealed class SummaryCache
{
    private const int AnyDepth = -1;

    /// <summary>What a method the budget did not let the walk into reaches: unknown, and said so.</summary>
    private static readonly MethodSummary BudgetSpent = new(null, null, null, null, Finding.Stopped("…", StopKinds.Budget), depthLimited: true);

    private readonly ConcurrentDictionary<SummaryKey, MethodSummary> _summaries = new();

    public SummaryCache(StatusAnalysisOptions options, AllowList allowList)
    {
        Options = options;
        AllowList = allowList;
    }

    public StatusAnalysisOptions Options { get; }

    public AllowList AllowList { get; }

    /// <summary>
    /// The summary of <paramref name="method"/> (a <see cref="MethodBodies.Followable"/> symbol) whose callees may be
    /// followed <paramref name="remaining"/> more levels.
    /// </summary>
    /// <param name="lowestCut">
    /// The lowest position in the session's in-progress chain at which recursion was cut while computing it
    /// (<see cref="int.MaxValue"/> when none is still on the stack): callers below that position must not memoize.
    /// </param>
    /// <param name="body">
    /// The body to walk when it is not the method's own: a lambda held in a field (<see cref="DelegateTargets"/>).
    /// </param>
    public MethodSummary Get(IMethodSymbol method, int remaining, AnalysisSession session, out int lowestCut, IOperation? body = null)
    {
        lowestCut = int.MaxValue;
        if (_summaries.TryGetValue(new SummaryKey(method, AnyDepth), out var summary)
            || _summaries.TryGetValue(new SummaryKey(method, remaining), out summary))
        {
            return summary;
        }

        var position = session.IndexOf(method);
        if (position >= 0)
        {
            // Recursion: whatever the method reaches is already being found by its outer activation, through a
            // shorter chain. The callers between here and there get an incomplete answer and are not memoized.
            lowestCut = position;
            return MethodSummary.Empty;
        }

        if (!session.TrySpendBody())
        {
            // Not memoized (the cut is below every caller): another Status, with budget left, looks further.
            lowestCut = -1;
            return BudgetSpent;
        }

        position = session.Depth;
        session.Enter(method);
        var sink = new SummarySink();
        var walker = new HotPathWalker(session, method, remaining, sink);
        try
        {
            var roots = new List<IOperation>();
            if (body is not null)
            {
                roots.Add(body);
            }
            else
            {
                MethodBodies.Collect(method, session.Compilation.Compilation, roots, session.CancellationToken);
            }

            foreach (var root in roots)
            {
                walker.Walk(root);
            }
        }
        finally
        {
            session.Exit();
        }

        summary = sink.ToSummary(walker.DepthLimited);
        if (walker.LowestCut >= position)
        {
            _summaries.TryAdd(new SummaryKey(method, summary.DepthLimited ? remaining : AnyDepth), summary);
        }
        else
        {
            lowestCut = walker.LowestCut;
        }

        return summary;
    }

    private readonly struct SummaryKey : IEquatable<SummaryKey>
    {
        public SummaryKey(IMethodSymbol method, int depth)
        {
            Method = method;
            Depth = depth;
        }

        public IMethodSymbol Method { get; }

        public int Depth { get; }

        public bool Equals(SummaryKey other) => Depth == other.Depth && SymbolEqualityComparer.Default.Equals(Method, other.Method);

        public override bool Equals(object? obj) => obj is SummaryKey other && Equals(other);

        public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Method) * 397) ^ Depth;
    }
}
