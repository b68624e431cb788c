namespace AsyncPluginGen.Generators.Model;

/// <summary>What the registry needs to know about the assembly being compiled.</summary>
/// <param name="Name">The assembly's name.</param>
/// <param name="CanDeclareRegistry">False when a type named like the registry's namespace exists in the assembly.</param>
/// <param name="CanDeclareServiceCollectionExtensions">True when the DI abstractions are referenced and no type of the assembly occupies their namespace.</param>
internal sealed record AssemblyModel(string Name, bool CanDeclareRegistry, bool CanDeclareServiceCollectionExtensions);
