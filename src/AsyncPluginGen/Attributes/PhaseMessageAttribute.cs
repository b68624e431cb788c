namespace AsyncPluginGen;

/// <summary>
/// Marks the Resource's string property (or field) that explains the state, typically the remote error
/// message. Generated Status uses it as the error message of failures and the reason of other phases,
/// falling back to the mapping's <c>Reason</c> when it is null or empty.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class PhaseMessageAttribute : Attribute;
