namespace AsyncPluginGen.Generators.Model;

/// <summary>The DI registration names an assembly chose with [assembly: PluginRegistration]; null keeps the default.</summary>
/// <param name="MethodName">The extension method's name, already checked to be a valid identifier.</param>
/// <param name="ClassName">The extension class's name, already checked to be a valid identifier.</param>
internal sealed record RegistrationNamesModel(string? MethodName, string? ClassName)
{
    /// <summary>No attribute, or no valid name in it.</summary>
    public static RegistrationNamesModel Default { get; } = new(null, null);
}
