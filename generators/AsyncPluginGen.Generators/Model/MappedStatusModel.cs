namespace AsyncPluginGen.Generators.Model;

/// <summary>A generated Status: a <c>switch</c> over the resource's [PhaseSource] state.</summary>
/// <param name="StateAccess">How to read the state from <c>resource</c>, e.g. <c>resource.State</c>, with a cast when a derived member hides it.</param>
/// <param name="MessageAccess">How to read the [PhaseMessage] member from <c>resource</c>; null when there is none.</param>
/// <param name="InfoAccess">How to read the [TaskInfoSource] member from <c>resource</c>; null when there is none (the phases carry no TaskInfo).</param>
/// <param name="Cases">The mapped states, one per distinct value, in declaration order.</param>
/// <param name="Default">The [DefaultPhase] mapping; null when unmapped states are failures.</param>
internal abstract record MappedStatusModel(
    string StateAccess,
    string? MessageAccess,
    string? InfoAccess,
    EquatableArray<PhaseCaseModel> Cases,
    PhaseCaseModel? Default) : StatusModel;
