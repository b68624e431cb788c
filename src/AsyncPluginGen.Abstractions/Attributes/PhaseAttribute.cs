namespace AsyncPluginGen;

/// <summary>Maps an enum member of a <see cref="PhaseSourceAttribute"/> state to a phase.</summary>
/// <param name="phase">The phase the member maps to.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class PhaseAttribute(TaskPhase phase) : PhaseMappingOptions(phase);
