namespace AsyncPluginGen;

/// <summary>
/// The phase for states that no mapping names, including states the service adds later and null strings.
/// Without it, an unmapped state is a system failure with code <c>UnmappedState</c>.
/// </summary>
/// <param name="phase">The phase for unmapped states.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DefaultPhaseAttribute(TaskPhase phase) : PhaseMappingOptions(phase);
