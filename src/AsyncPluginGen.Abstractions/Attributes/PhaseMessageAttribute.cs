namespace AsyncPluginGen;

/// <summary>
/// Marks the Resource's string property (or field) that explains the state, typically the remote error
/// message. Generated Status uses it as the error message of failure phases, falling back to the mapping's
/// <c>Reason</c> (or the state's name) when it is null or empty. Other phases keep their constant reason.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class PhaseMessageAttribute : Attribute;
