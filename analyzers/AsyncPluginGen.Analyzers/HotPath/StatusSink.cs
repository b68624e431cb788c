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

    private readonly System.Action<Diagnostic> _report;
    private readonly string _root;
    private readonly HashSet<(HotPathRule, TextSpan)> _reported = new();

    public StatusSink(System.Action<Diagnostic> report, string root)
    {
        _report = report;
        _root = root;
    }

    protected override void OnFinding(Finding finding, SyntaxNode site, Location? location)
    {
        location ??= site.GetLocation();
        if (!_reported.Add((finding.Rule, location.SourceSpan)))
        {
            return;
        }

        var descriptor = finding.Rule switch
        {
            HotPathRule.Network => Descriptors.NetworkCallInStatus,
            HotPathRule.Blocking => Descriptors.BlockingCallInStatus,
            _ => Descriptors.AllocationInStatus,
        };
        _report(Diagnostic.Create(descriptor, location, Properties(finding), finding.Chain.Format(_root), finding.Description));
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
