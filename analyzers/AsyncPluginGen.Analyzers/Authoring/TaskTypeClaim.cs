using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>One plugin's claim on a task type, collected across the compilation to find duplicates.</summary>
internal sealed record TaskTypeClaim(string TaskType, string PluginName, string PluginSortKey, Location Location);
