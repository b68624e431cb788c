namespace AsyncPluginGen.Generators.Model;

/// <summary>Status over an enum state whose members carry [Phase].</summary>
/// <param name="StateType">The state's type as declared: <c>global::Ns.State</c> or <c>global::Ns.State?</c>.</param>
/// <param name="EnumType">The enum's fully qualified name.</param>
/// <param name="UnmappedMembers">The members no [Phase] maps (one per distinct value), whose names the default case reports without allocating.</param>
/// <param name="CaseValues">Each case's value, in the order of the cases; empty when one does not fit a <see langword="long"/>.</param>
internal sealed record EnumStatusModel(
    string StateAccess,
    string? MessageAccess,
    string? InfoAccess,
    EquatableArray<PhaseCaseModel> Cases,
    PhaseCaseModel? Default,
    string StateType,
    string EnumType,
    EquatableArray<string> UnmappedMembers,
    EquatableArray<long> CaseValues) : MappedStatusModel(StateAccess, MessageAccess, InfoAccess, Cases, Default);
