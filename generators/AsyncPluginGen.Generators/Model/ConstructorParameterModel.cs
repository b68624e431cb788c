namespace AsyncPluginGen.Generators.Model;

/// <summary>A constructor parameter the generated factory resolves from the service provider.</summary>
/// <param name="Name">The parameter's name, used as a named argument.</param>
/// <param name="Type">Its fully qualified type.</param>
/// <param name="Optional">Whether it has a default value: then it is resolved with GetService and may be null.</param>
internal sealed record ConstructorParameterModel(string Name, string Type, bool Optional);
