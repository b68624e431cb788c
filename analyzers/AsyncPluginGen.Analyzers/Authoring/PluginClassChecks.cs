using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>APG0001 and APG0002: whether the annotated class can carry a generated plugin contract at all.</summary>
internal static class PluginClassChecks
{
    /// <summary>Reports what prevents generation; returns false when nothing else is worth checking.</summary>
    public static bool Check(PluginUnderAnalysis plugin)
    {
        var type = plugin.Type;
        var reason = UnsupportedReason(plugin);
        if (reason is not null)
        {
            plugin.Report(Descriptors.UnsupportedPluginDeclaration, plugin.ClassLocation, type.Name, reason);
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(plugin.CancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                plugin.Report(Descriptors.PluginNotPartial, declaration.Identifier.GetLocation(), type.Name);
            }
        }

        // Not being partial is reported, but the rest is still checked so the author learns everything at once.
        return true;
    }

    private static string? UnsupportedReason(PluginUnderAnalysis plugin)
    {
        var type = plugin.Type;
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

        if (type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.FileKeyword)))
        {
            return "a file-local class cannot be registered; make it internal or public";
        }

        if (type.HasAttribute(KnownNames.AsyncPluginAttribute) && type.HasAttribute(KnownNames.SyncPluginAttribute))
        {
            return "it has both [AsyncPlugin] and [SyncPlugin]; keep the one that matches the remote API";
        }

        if (ImplementsPluginByHand(type, plugin.Compilation, plugin.CancellationToken))
        {
            return "it already implements IPlugin by hand; remove the attribute or the handwritten implementation";
        }

        foreach (var reserved in new[] { KnownNames.DescriptorMember, KnownNames.ConfigMember })
        {
            if (type.GetMembers(reserved).Any(m => m.DeclaringSyntaxReferences.Any(r => !IsGenerated(r.SyntaxTree))))
            {
                return $"it declares '{reserved}', a member the generator adds; rename that member";
            }
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.HasAttribute(KnownNames.AsyncPluginAttribute) || current.HasAttribute(KnownNames.SyncPluginAttribute))
            {
                return $"it derives from plugin '{current.Name}', and a plugin contract cannot be inherited; derive both from a plain base class instead";
            }
        }

        return ConstructorReason(type);
    }

    /// <summary>
    /// Whether the author (not the generator) made the class an <c>IPlugin</c>: through a base class, or an interface in
    /// the base list of one of the author's own parts. In the compiler and the IDE the analyzers see the generator's
    /// output too, and the generated part of every plugin implements the interface.
    /// </summary>
    private static bool ImplementsPluginByHand(INamedTypeSymbol type, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        if (type.BaseType is { } baseType && baseType.AllInterfaces.Any(IsPluginInterface))
        {
            return true;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (IsGenerated(reference.SyntaxTree) || reference.GetSyntax() is not TypeDeclarationSyntax { BaseList: { } baseList })
            {
                continue;
            }

            var model = compilation.GetSemanticModel(reference.SyntaxTree);
            foreach (var listed in baseList.Types)
            {
                if (model.GetTypeInfo(listed.Type, cancellationToken).Type is INamedTypeSymbol { TypeKind: TypeKind.Interface } listedInterface
                    && (IsPluginInterface(listedInterface) || listedInterface.AllInterfaces.Any(IsPluginInterface)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPluginInterface(INamedTypeSymbol type) => type.ToDisplayString() == KnownNames.PluginInterface;

    /// <summary>Whether a tree is generated code: ours ends in <c>.g.cs</c> and starts with an auto-generated header.</summary>
    private static bool IsGenerated(SyntaxTree tree) =>
        tree.FilePath.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase)
        || tree.GetRoot().GetLeadingTrivia().ToString().Contains("<auto-generated");

    private static string? ConstructorReason(INamedTypeSymbol type)
    {
        var constructors = type.InstanceConstructors
            .Where(c => c.IsAccessibleFromAssembly() && !(type.IsRecord && c.Parameters.Length == 1 && c.Parameters[0].Type.SameType(type)))
            .OrderByDescending(c => c.Parameters.Length)
            .ToList();
        if (constructors.Count == 0)
        {
            return "it has no public or internal constructor for the generated factory to call; add one";
        }

        var bad = constructors[0].Parameters.FirstOrDefault(p => p.RefKind != RefKind.None || p.IsParams || !p.Type.IsUsableTypeArgument());
        if (bad is not null)
        {
            return $"constructor parameter '{bad.Name}' cannot be resolved from dependency injection (ref, params, pointer or nullable value type); take a service instead";
        }

        if (constructors[0].HasAttribute("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"))
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var (isRequired, memberType, settable) = member switch
                {
                    IPropertySymbol p => (p.IsRequired, p.Type, p.SetMethod is { } setter && setter.IsAccessibleFromAssembly()),
                    IFieldSymbol f => (f.IsRequired, f.Type, !f.IsReadOnly),
                    _ => (false, null, false),
                };
                if (isRequired && (!settable || !memberType!.IsReferenceType))
                {
                    return $"required member '{member.Name}' cannot be set from dependency injection (only settable members of reference type can); set it in a constructor marked [SetsRequiredMembers]";
                }
            }
        }

        return null;
    }
}
