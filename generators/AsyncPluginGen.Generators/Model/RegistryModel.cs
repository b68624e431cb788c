namespace AsyncPluginGen.Generators.Model;

/// <summary>The per-assembly registry: its name, its plugins (ordered), and which parts can be declared.</summary>
/// <param name="AssemblyName">The assembly's name.</param>
/// <param name="TypePrefix">The identifier prefix derived from it.</param>
/// <param name="CanDeclareRegistry">False when a type of the assembly occupies the registry's namespace.</param>
/// <param name="CanDeclareServiceCollectionExtensions">True when the DI abstractions are referenced and no type occupies their namespace.</param>
/// <param name="ExtensionClassName">The static class of the DI method: the author's name, or one derived from the assembly.</param>
/// <param name="MethodName">The DI extension method: the author's name, or one derived from the assembly.</param>
/// <param name="Entries">The plugins, in ordinal order.</param>
internal sealed record RegistryModel(
    string AssemblyName,
    string TypePrefix,
    bool CanDeclareRegistry,
    bool CanDeclareServiceCollectionExtensions,
    string ExtensionClassName,
    string MethodName,
    EquatableArray<RegistryEntryModel> Entries);
