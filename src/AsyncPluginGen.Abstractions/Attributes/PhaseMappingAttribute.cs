namespace AsyncPluginGen;

/// <summary>Maps one string state of a <see cref="PhaseSourceAttribute"/> property, for example <c>"RUNNING"</c>, to a phase.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PhaseMappingAttribute : PhaseMappingOptions
{
    /// <summary>Maps <paramref name="state"/> to <paramref name="phase"/>.</summary>
    /// <param name="state">The state as the remote service spells it.</param>
    /// <param name="phase">The phase it maps to.</param>
    public PhaseMappingAttribute(string state, TaskPhase phase)
        : base(phase) => State = state;

    /// <summary>The state as the remote service spells it.</summary>
    public string State { get; }
}
