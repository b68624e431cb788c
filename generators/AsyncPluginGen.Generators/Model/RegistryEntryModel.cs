namespace AsyncPluginGen.Generators.Model;

/// <summary>What the per-assembly registry needs to know about one plugin.</summary>
internal sealed record RegistryEntryModel(string FullyQualifiedName, EquatableArray<string> TaskTypes);
