namespace AsyncPluginGen.Generators.Model;

/// <summary>How the serializer gives a member its value when it rebuilds an object.</summary>
internal enum MetaMemberBinding
{
    /// <summary>A constructor argument.</summary>
    Constructor,

    /// <summary>In the object initializer: <c>required</c> members, and init-only members of classes that are not records.</summary>
    Initializer,

    /// <summary>Assigned after construction, only when the JSON has it, so the property's initializer applies otherwise.</summary>
    Setter,

    /// <summary>An init-only member of a record or struct, set with <c>with</c> only when the JSON has it.</summary>
    With,
}

/// <summary>One member of an object shape.</summary>
/// <param name="Name">The property's name, escaped for C#.</param>
/// <param name="JsonName">The name in JSON: the property name in camelCase.</param>
/// <param name="Value">The member's type.</param>
/// <param name="Binding">How the member is set.</param>
/// <param name="ParameterName">For <see cref="MetaMemberBinding.Constructor"/>, the parameter's name, escaped.</param>
/// <param name="ParameterIndex">For <see cref="MetaMemberBinding.Constructor"/>, the parameter's position.</param>
/// <param name="Required">The JSON must have it: a constructor parameter without default that cannot be null, or a <c>required</c> member.</param>
/// <param name="DefaultValue">A C# expression for the value when the JSON lacks it, when it is not required.</param>
internal sealed record MetaMemberModel(
    string Name,
    string JsonName,
    MetaValueModel Value,
    MetaMemberBinding Binding,
    string? ParameterName,
    int ParameterIndex,
    bool Required,
    string? DefaultValue);
