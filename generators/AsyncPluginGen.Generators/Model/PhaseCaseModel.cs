namespace AsyncPluginGen.Generators.Model;

/// <summary>One state-to-phase mapping, ready to emit.</summary>
/// <param name="State">The enum member's name, or the string state; the default case uses "default".</param>
/// <param name="Phase">The TaskPhase member name, for example "Running" (see <see cref="Parsing.KnownNames.TaskPhases"/>).</param>
/// <param name="Code">The error code for failures (defaults to the state).</param>
/// <param name="Reason">The reason, or the failure message when the resource has none (defaults to the state).</param>
/// <param name="ExplicitReason">Whether <paramref name="Reason"/> was written by the author.</param>
/// <param name="IsSystem">Whether failures are system errors.</param>
/// <param name="Cleanup">Whether failures delete the remote resource.</param>
/// <param name="ExplicitCode">Whether <paramref name="Code"/> was written by the author.</param>
internal sealed record PhaseCaseModel(
    string State,
    string Phase,
    string Code,
    string Reason,
    bool ExplicitReason,
    bool IsSystem,
    bool Cleanup,
    bool ExplicitCode);
