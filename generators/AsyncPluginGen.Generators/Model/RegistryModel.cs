namespace AsyncPluginGen.Generators.Model;

/// <summary>The per-assembly registry: its name, its plugins (ordered), and whether DI abstractions are referenced.</summary>
internal sealed record RegistryModel(string AssemblyName, string TypePrefix, bool HasDependencyInjection, EquatableArray<RegistryEntryModel> Entries);
