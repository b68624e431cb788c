namespace AsyncPluginGen.Generators.Model;

/// <summary>What the per-assembly registry needs to know about one plugin.</summary>
/// <param name="FullyQualifiedName">The plugin class, with <c>global::</c>.</param>
/// <param name="Id">The plugin's id.</param>
/// <param name="TaskTypes">The task types it serves.</param>
/// <param name="ExperimentalDiagnostics">Diagnostic ids of [Experimental] on the class, suppressed where the registry names it.</param>
internal sealed record RegistryEntryModel(string FullyQualifiedName, string Id, EquatableArray<string> TaskTypes, EquatableArray<string> ExperimentalDiagnostics);
