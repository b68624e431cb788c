using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Which methods are "Status", the per-poll hot path: a method named Status on an [AsyncPlugin] class (the handwritten
/// escape hatch the generated code forwards to), or a source implementation of IAsyncPlugin's Status in a plugin
/// written by hand.
/// </summary>
internal static class StatusMethods
{
    private const string Name = "Status";

    public static bool IsStatus(IMethodSymbol method, HotPathCompilation state)
    {
        switch (method.MethodKind)
        {
            case MethodKind.Ordinary when method.Name == Name:
                return IsOnPluginClass(method, state) || ImplementsPluginStatus(method, state);
            case MethodKind.ExplicitInterfaceImplementation:
                foreach (var implemented in method.ExplicitInterfaceImplementations)
                {
                    if (implemented.Name == Name && IsPluginInterface(implemented.ContainingType, state))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsOnPluginClass(IMethodSymbol method, HotPathCompilation state)
    {
        if (state.PluginAttribute is null || method.ContainingType is null)
        {
            return false;
        }

        foreach (var attribute in method.ContainingType.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, state.PluginAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsPluginStatus(IMethodSymbol method, HotPathCompilation state)
    {
        var type = method.ContainingType;
        if (method.IsStatic || type is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (!IsPluginInterface(implemented, state))
            {
                continue;
            }

            foreach (var member in implemented.GetMembers(Name))
            {
                if (member is IMethodSymbol { IsAbstract: true }
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPluginInterface(INamedTypeSymbol? type, HotPathCompilation state) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, state.TypedPlugin)
            || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, state.UntypedPlugin));
}
