using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Calls whose target cannot be seen: through an interface, an abstract or virtual member, or a delegate. The walk
/// follows what this compilation declares (its overrides and implementations, a delegate field's lambda); what may
/// still run unseen (an implementation in another assembly) is trusted by the default (optimistic) mode and reported
/// under APG1005 by the strict (pessimistic) one, because that is where a network client hidden behind an
/// abstraction would be.
/// </summary>
internal static class UnknownCalls
{
    /// <summary>Whether the call may run an override or implementation other than <paramref name="method"/> itself.</summary>
    public static bool Dispatches(IMethodSymbol method, ITypeSymbol? receiver, bool isVirtualDispatch)
    {
        if (!isVirtualDispatch || method.IsStatic || method.MethodKind == MethodKind.DelegateInvoke
            || receiver is { IsValueType: true } || receiver is { IsSealed: true, TypeKind: not TypeKind.Interface })
        {
            return false;
        }

        return method.ContainingType?.TypeKind == TypeKind.Interface || method.IsAbstract || ((method.IsVirtual || method.IsOverride) && !method.IsSealed);
    }

    /// <summary>
    /// Whether the member is declared in this compilation, so that its implementations are too: another assembly could
    /// implement it only by referencing the plugin assembly, which a plugin's own abstractions do not expect.
    /// </summary>
    public static bool IsDeclaredHere(IMethodSymbol method) =>
        method.ContainingType is { } type && !type.DeclaringSyntaxReferences.IsEmpty;

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
