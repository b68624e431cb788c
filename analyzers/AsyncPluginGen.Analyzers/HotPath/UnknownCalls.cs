using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Calls whose target cannot be seen: through an interface, an abstract or virtual member without a body we can
/// follow, or a delegate. The default (optimistic) mode trusts them; the pessimistic mode reports them under APG1001,
/// because that is where a network client hidden behind an abstraction would be.
/// </summary>
internal static class UnknownCalls
{
    /// <summary>Why the target cannot be checked, or null when it is known.</summary>
    /// <param name="method">The called member (already known to have no body to follow).</param>
    /// <param name="receiver">The static type of the receiver, if any.</param>
    /// <param name="isVirtualDispatch">Whether the call dispatches virtually (not <c>base.M()</c>).</param>
    public static string? Describe(IMethodSymbol method, ITypeSymbol? receiver, bool isVirtualDispatch)
    {
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return "call through a delegate; its target cannot be checked";
        }

        var declaring = method.ContainingType;
        if (declaring is null || method.IsStatic
            || declaring.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
        {
            // Static abstract interface members are resolved at compile time; object's members never do I/O.
            return null;
        }

        if (receiver is { IsValueType: true } || receiver is { IsSealed: true, TypeKind: not TypeKind.Interface })
        {
            // The runtime type is the static type: nothing else can run.
            return null;
        }

        if (declaring.TypeKind == TypeKind.Interface)
        {
            return "call through an interface; its implementation cannot be checked";
        }

        if (method.IsAbstract)
        {
            return "call to an abstract member; its implementation cannot be checked";
        }

        return isVirtualDispatch && (method.IsVirtual || method.IsOverride) && !method.IsSealed
            ? "virtual call; the override that runs cannot be checked"
            : null;
    }
}
