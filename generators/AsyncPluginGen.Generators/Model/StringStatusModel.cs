namespace AsyncPluginGen.Generators.Model;

/// <summary>Status over a string state mapped by [PhaseMapping] on the plugin class.</summary>
/// <param name="IgnoreCase">Whether states compare ignoring case ([PhaseSource(IgnoreCase = true)]).</param>
internal sealed record StringStatusModel(
    string StateAccess,
    string? MessageAccess,
    string? InfoAccess,
    EquatableArray<PhaseCaseModel> Cases,
    PhaseCaseModel? Default,
    bool IgnoreCase) : MappedStatusModel(StateAccess, MessageAccess, InfoAccess, Cases, Default);
