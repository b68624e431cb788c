using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Receives what a body walk finds. Status reports each finding at its site; a helper's summary keeps only the
/// shortest chain per rule. Also counts network and blocking findings, which is how a <c>lock</c> learns that its
/// body does I/O.
/// </summary>
internal abstract class FindingSink
{
    public int InputOutputCount { get; private set; }

    /// <param name="finding">What was found, as seen from the body being walked.</param>
    /// <param name="site">The operation in that body: the call to the helper, or the offending operation itself.</param>
    /// <param name="location">A narrower place to report than the whole site (the <c>lock</c> keyword), if any.</param>
    public void Add(Finding finding, SyntaxNode site, Location? location = null)
    {
        if (finding.Rule is HotPathRule.Network or HotPathRule.Blocking)
        {
            InputOutputCount++;
        }

        OnFinding(finding, site, location);
    }

    protected abstract void OnFinding(Finding finding, SyntaxNode site, Location? location);
}

/// <summary>Keeps the first shortest chain per rule: what a caller needs to name one path to the problem.</summary>
internal sealed class SummarySink : FindingSink
{
    private Finding? _network;
    private Finding? _blocking;
    private Finding? _allocation;
    private Finding? _unchecked;
    private Finding? _stopped;

    public MethodSummary ToSummary(bool depthLimited) =>
        _network is null && _blocking is null && _allocation is null && _unchecked is null && _stopped is null && !depthLimited
            ? MethodSummary.Empty
            : new MethodSummary(_network, _blocking, _allocation, _unchecked, _stopped, depthLimited);

    protected override void OnFinding(Finding finding, SyntaxNode site, Location? location)
    {
        switch (finding.Rule)
        {
            case HotPathRule.Network:
                _network = Shorter(_network, finding);
                break;
            case HotPathRule.Blocking:
                _blocking = Shorter(_blocking, finding);
                break;
            case HotPathRule.Unchecked:
                _unchecked = Shorter(_unchecked, finding);
                break;
            case HotPathRule.Stopped:
                _stopped = Shorter(_stopped, finding);
                break;
            default:
                _allocation = Shorter(_allocation, finding);
                break;
        }
    }

    private static Finding Shorter(Finding? current, Finding candidate) =>
        current is null || candidate.Chain.Length < current.Chain.Length ? candidate : current;
}
