namespace AsyncPluginGen.Generators.Model;

/// <summary>
/// How the generated Status computes the phase: <see cref="HandwrittenStatusModel"/> forwards to the author's Status;
/// <see cref="EnumStatusModel"/> and <see cref="StringStatusModel"/> switch over the resource's [PhaseSource] state.
/// </summary>
internal abstract record StatusModel;
