using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// APG0001 and APG0002: whether the annotated class can carry a generated plugin contract at all, and the constructor
/// the generated factory calls.
/// </summary>
internal static class ClassInspector
{
    /// <summary>What the class inspection decided.</summary>
    internal enum Verdict
    {
        /// <summary>The class can be a plugin.</summary>
        Supported,

        /// <summary>The class can be a plugin, but the generated part would not compile (a part is not partial): the rest is still checked.</summary>
        NotGenerated,

        /// <summary>The class cannot be a plugin; nothing else is worth checking.</summary>
        Unsupported,
    }

    /// <param name="target">The class.</param>
    /// <param name="problems">Receives APG0001 and APG0002.</param>
    /// <param name="constructor">The constructor the factory calls, unless the class is unsupported.</param>
    /// <param name="allowBothAttributes">Whether a class with both plugin attributes passes (the generator implements it as the async plugin).</param>
    public static Verdict Inspect(PluginTarget target, Problems problems, out ConstructorChoice? constructor, bool allowBothAttributes = false)
    {
        constructor = null;
        var type = target.Type;
        var reason = UnsupportedReason(target, allowBothAttributes, ref constructor);
        if (reason is not null)
        {
            problems.Report(ProblemIds.UnsupportedPluginDeclaration, target.ClassLocation, type.Name, reason);
            return Verdict.Unsupported;
        }

        // Every part must be partial, or the generated part would be a second declaration of the class. Reported on
        // each part, and the rest is still checked so the author learns everything at once.
        var verdict = Verdict.Supported;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(target.CancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Report(ProblemIds.PluginNotPartial, declaration.Identifier.GetLocation(), type.Name);
                verdict = Verdict.NotGenerated;
            }
        }

        return verdict;
    }

    /// <summary>A class with both attributes is reported, and implemented as the async plugin (the richer contract).</summary>
    public static bool HasBothAttributes(PluginTarget target) =>
        KnownTypes.HasAttribute(target.Type, target.Known.AsyncPluginAttribute) && KnownTypes.HasAttribute(target.Type, target.Known.SyncPluginAttribute);

    private static string? UnsupportedReason(PluginTarget target, bool allowBothAttributes, ref ConstructorChoice? constructor)
    {
        var type = target.Type;
        if (type.TypeKind != TypeKind.Class)
        {
            return "only classes can be plugins";
        }

        if (type.IsGenericType)
        {
            return "generic classes are not supported; declare one non-generic plugin class per task type";
        }

        if (type.ContainingType is not null)
        {
            return $"nested classes are not supported; move it out of '{type.ContainingType.Name}' to namespace level";
        }

        if (type.IsStatic)
        {
            return "the host creates plugin instances, so a plugin cannot be static; remove 'static' (handlers may stay static)";
        }

        if (type.IsAbstract)
        {
            return "the host creates plugin instances, so a plugin cannot be abstract; remove 'abstract' or annotate a concrete class";
        }

        if (type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(target.CancellationToken) is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.FileKeyword)))
        {
            return "a file-local class cannot be registered; make it internal or public";
        }

        if (!allowBothAttributes && HasBothAttributes(target))
        {
            return "it has both [AsyncPlugin] and [SyncPlugin]; keep the one that matches the remote API";
        }

        if (ImplementsPluginByHand(target))
        {
            return "it already implements IPlugin by hand; remove the attribute or the handwritten implementation";
        }

        // The one member the generator adds under a name of its own (everything else is an explicit implementation).
        const string reserved = KnownNames.MetaSerializerMember;
        if (type.GetMembers(reserved).Any(m => m.DeclaringSyntaxReferences.Any(r => !IsGenerated(r.SyntaxTree, target))))
        {
            return $"it declares '{reserved}', a member the generator adds; rename that member";
        }

        // A plugin deriving from another plugin would inherit a second generated contract, and the two cannot be merged.
        // (The base's generated interfaces are not visible to the generator, hence the attribute check.)
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (target.Known.IsPlugin(current))
            {
                return $"it derives from plugin '{current.Name}', and a plugin contract cannot be inherited; derive both from a plain base class instead";
            }
        }

        constructor = ConstructorInspector.Inspect(type, target.Known, out var reason);
        return reason;
    }

    /// <summary>
    /// Whether the author (not the generator) made the class an <c>IPlugin</c>: through a base class, or an interface in
    /// the base list of one of the author's own parts. The analyzers see the generator's output too, and the generated
    /// part of every plugin implements the interface; the generator never sees its own output.
    /// </summary>
    private static bool ImplementsPluginByHand(PluginTarget target)
    {
        var type = target.Type;
        if (!type.AllInterfaces.Any(i => IsPluginInterface(i, target.Known)))
        {
            return false;
        }

        if (type.BaseType is { } baseType && baseType.AllInterfaces.Any(i => IsPluginInterface(i, target.Known)))
        {
            return true;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (IsGenerated(reference.SyntaxTree, target) || reference.GetSyntax(target.CancellationToken) is not TypeDeclarationSyntax { BaseList: { } baseList })
            {
                continue;
            }

            var model = target.Compilation.GetSemanticModel(reference.SyntaxTree);
            foreach (var listed in baseList.Types)
            {
                if (model.GetTypeInfo(listed.Type, target.CancellationToken).Type is INamedTypeSymbol { TypeKind: TypeKind.Interface } listedInterface
                    && (IsPluginInterface(listedInterface, target.Known) || listedInterface.AllInterfaces.Any(i => IsPluginInterface(i, target.Known))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPluginInterface(INamedTypeSymbol type, KnownTypes known) => KnownTypes.Is(type, known.PluginInterface);

    private static bool IsGenerated(SyntaxTree tree, PluginTarget target) => GeneratedTrees.IsGenerated(tree, target.CancellationToken);
}
