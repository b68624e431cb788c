using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// The state of analysing one Status method: the chain of methods being summarized (to cut recursion), a budget of
/// bodies to walk (so a pathological web of mutually recursive helpers cannot stall the IDE) and cancellation.
/// Never shared between threads.
/// </summary>
internal sealed class AnalysisSession
{
    /// <summary>Bodies walked per Status before giving up on what is not memoized yet; far above any real plugin.</summary>
    public const int BodyBudget = 4000;

    private readonly List<IMethodSymbol> _inProgress = new();
    private int _bodiesLeft = BodyBudget;

    public AnalysisSession(HotPathCompilation compilation, SummaryCache cache, CancellationToken cancellationToken)
    {
        Compilation = compilation;
        Cache = cache;
        CancellationToken = cancellationToken;
    }

    public HotPathCompilation Compilation { get; }

    public SummaryCache Cache { get; }

    public CancellationToken CancellationToken { get; }

    public int Depth => _inProgress.Count;

    /// <summary>The position of <paramref name="method"/> among the methods being summarized, or -1.</summary>
    public int IndexOf(IMethodSymbol method)
    {
        for (var i = 0; i < _inProgress.Count; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(_inProgress[i], method))
            {
                return i;
            }
        }

        return -1;
    }

    public void Enter(IMethodSymbol method) => _inProgress.Add(method);

    public void Exit() => _inProgress.RemoveAt(_inProgress.Count - 1);

    public bool TrySpendBody() => _bodiesLeft-- > 0;
}
