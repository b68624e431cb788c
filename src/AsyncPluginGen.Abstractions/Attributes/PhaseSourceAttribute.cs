namespace AsyncPluginGen;

/// <summary>
/// Marks the Resource property (or field) whose value decides the phase. An enum property maps through
/// <see cref="PhaseAttribute"/> on its members; a string property maps through <see cref="PhaseMappingAttribute"/>
/// on the plugin class. The generator compiles the mapping into an allocation-free <see langword="switch"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class PhaseSourceAttribute : Attribute
{
    /// <summary>For string states: compare ignoring case (ordinal). Default: exact, ordinal comparison.</summary>
    public bool IgnoreCase { get; set; }
}
