using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Turns the findings of a Status body into diagnostics at their sites in Status: one per rule and place, naming the
/// chain for findings reached through helpers.
/// </summary>
internal sealed class StatusSink : FindingSink
{
    /// <summary>The APG1002 property a code fix dispatches on (values: <see cref="BlockingKinds"/>).</summary>
    public const string KindProperty = "Kind";

    /// <summary>The kind of the blocking operation at the end of the chain, also for findings reached through helpers.</summary>
    public const string LeafKindProperty = "LeafKind";

    /// <summary>"true" when the operation is in Status itself, "false" when it is reached through a helper.</summary>
    public const string DirectProperty = "Direct";

    /// <summary>For APG1005: the member as <c>asyncplugingen.status.allowed_members</c> names it.</summary>
    public const string MemberProperty = "Member";

    private readonly System.Action<Diagnostic> _report;
    private readonly string _root;
    private readonly int _maxDepth;
    private readonly HashSet<(HotPathRule, TextSpan)> _reported = new();
    private bool _stopReported;

    public StatusSink(System.Action<Diagnostic> report, string root, int maxDepth)
    {
        _report = report;
        _root = root;
        _maxDepth = maxDepth;
    }

    protected override void OnFinding(Finding finding, SyntaxNode site, Location? location)
    {
        location ??= site.GetLocation();
        if (finding.Rule == HotPathRule.Stopped)
        {
            // Once per Status: one place where the check stopped says the answer is incomplete; more repeat it.
            if (!_stopReported)
            {
                _stopReported = true;
                ReportStop(finding, location);
            }

            return;
        }

        if (!_reported.Add((finding.Rule, location.SourceSpan)))
        {
            return;
        }

        var chain = finding.Chain.Format(_root);
        if (finding.Rule == HotPathRule.Unchecked)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DirectProperty, finding.IsDirect ? "true" : "false")
                .Add(MemberProperty, finding.Kind);
            _report(Diagnostic.Create(Descriptors.UncheckedCallInStatus, location, properties, chain, finding.Description, finding.Kind));
            return;
        }

        var descriptor = finding.Rule switch
        {
            HotPathRule.Network => Descriptors.NetworkCallInStatus,
            HotPathRule.Blocking => Descriptors.BlockingCallInStatus,
            _ => Descriptors.AllocationInStatus,
        };
        _report(Diagnostic.Create(descriptor, location, Properties(finding), chain, finding.Description));
    }

    private void ReportStop(Finding finding, Location location)
    {
        // The chain ends with the call that was not looked into; the walk records why in Kind.
        var (why, how) = finding.Kind == StopKinds.Budget
            ? ($"the check's budget of {AnalysisSession.BodyBudget} method bodies per Status ran out", "mark helpers that need no checking [AllowInStatus(\"why\")] so that the check skips them")
            : ($"{StatusAnalysisOptions.MaxDepthKey} = {_maxDepth} was reached", $"raise {StatusAnalysisOptions.MaxDepthKey} (at most {StatusAnalysisOptions.MaxMaxDepth}) to check further");
        var chain = finding.IsDirect ? _root + " → " + finding.Chain.Name : finding.Chain.Format(_root);
        _report(Diagnostic.Create(Descriptors.StatusCheckIncomplete, location, chain, why, how));
    }

    private static ImmutableDictionary<string, string?> Properties(Finding finding)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(DirectProperty, finding.IsDirect ? "true" : "false");
        if (finding.Rule != HotPathRule.Blocking)
        {
            return properties;
        }

        // Through a helper the site is the call to that helper, not the blocking call: a fix written for
        // Thread.Sleep must not remove it, so the site's kind is Other and the real one travels as LeafKind.
        return properties
            .Add(KindProperty, finding.IsDirect ? finding.Kind : BlockingKinds.Other)
            .Add(LeafKindProperty, finding.Kind);
    }
}
