namespace AsyncPluginGen.Generators.Model;

/// <summary>How the generated Status computes the phase.</summary>
internal enum StatusKind
{
    /// <summary>The author wrote Status; the generator only forwards.</summary>
    Handwritten,

    /// <summary>A <c>switch</c> over an enum property marked [PhaseSource].</summary>
    EnumState,

    /// <summary>A <c>switch</c> over a string property marked [PhaseSource].</summary>
    StringState,
}

/// <summary>Everything needed to emit Status.</summary>
/// <param name="Kind">Handwritten or generated, and over which kind of state.</param>
/// <param name="Handwritten">The author's Status, for <see cref="StatusKind.Handwritten"/>.</param>
/// <param name="StateAccess">How to read the state from <c>resource</c>, e.g. <c>resource.State</c>, with a cast when a derived member hides it.</param>
/// <param name="StateType">The state's type as declared, e.g. <c>string?</c> or <c>global::Ns.State?</c>.</param>
/// <param name="EnumType">The enum's fully qualified name, for enum states.</param>
/// <param name="MessageAccess">How to read the [PhaseMessage] member from <c>resource</c>, if any.</param>
/// <param name="IgnoreCase">For string states: compare ignoring case.</param>
/// <param name="Cases">The mapped states, one per distinct value, in declaration order.</param>
/// <param name="Default">The [DefaultPhase] mapping, if any.</param>
internal sealed record StatusModel(
    StatusKind Kind,
    HandlerModel? Handwritten,
    string? StateAccess,
    string? StateType,
    string? EnumType,
    string? MessageAccess,
    bool IgnoreCase,
    EquatableArray<PhaseCaseModel> Cases,
    PhaseCaseModel? Default);
