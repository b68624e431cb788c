using System;
using System.Collections.Generic;

namespace AsyncPluginGen.Analyzers.CodeFixes;

/// <summary>
/// Guesses the TaskPhase of a remote state from its name, for the APG0010 fix. Names compare ignoring case and
/// underscores (<c>IN_PROGRESS</c>, <c>InProgress</c>); a name not listed maps to <c>Undefined</c>, which the
/// author then sees and corrects.
/// </summary>
internal static class StatePhaseGuess
{
    private static readonly Dictionary<string, string> Phases = Build(
        ("Queued", new[] { "pending", "queued", "submitted", "waiting", "created", "scheduled", "accepted" }),
        ("Initializing", new[] { "starting", "initializing", "initialising", "provisioning", "preparing" }),
        ("Running", new[] { "running", "inprogress", "active", "executing", "processing", "stopping", "terminating", "cancelling", "canceling" }),
        ("Success", new[] { "succeeded", "success", "successful", "done", "completed", "complete", "finished", "ok" }),
        ("PermanentFailure", new[] { "failed", "failure", "error", "errored", "internalerror" }),
        ("Aborted", new[] { "cancelled", "canceled", "aborted", "stopped", "killed" }),
        ("RetryableFailure", new[] { "timedout", "timeout" }));

    /// <summary>The TaskPhase member name for a state name, <c>Undefined</c> when the name says nothing known.</summary>
    public static string For(string stateName)
    {
        var key = stateName.Replace("_", string.Empty).ToUpperInvariant();
        return Phases.TryGetValue(key, out var phase) ? phase : "Undefined";
    }

    private static Dictionary<string, string> Build(params (string Phase, string[] Names)[] groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (phase, names) in groups)
        {
            foreach (var name in names)
            {
                map[name.ToUpperInvariant()] = phase;
            }
        }

        return map;
    }
}
