using System.Collections.Generic;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>The constructor the generated factory calls, with what it resolves from the service provider.</summary>
internal sealed class ConstructorChoice
{
    public ConstructorChoice(IMethodSymbol constructor, EquatableArray<ConstructorParameterModel> parameters, EquatableArray<ConstructorParameterModel> requiredMembers, List<ISymbol> members)
    {
        Constructor = constructor;
        Parameters = parameters;
        RequiredMembers = requiredMembers;
        Members = members;
    }

    public IMethodSymbol Constructor { get; }

    public EquatableArray<ConstructorParameterModel> Parameters { get; }

    public EquatableArray<ConstructorParameterModel> RequiredMembers { get; }

    /// <summary>The required members the factory sets, for the usage scan.</summary>
    public List<ISymbol> Members { get; }
}
