using System.Linq;
using System.Threading;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Turns an [AsyncPlugin] or [SyncPlugin] class into a <see cref="PluginModel"/>. Returns null for anything the
/// generator cannot implement; the analyzers tell the author why, so the generator stays quiet and never throws.
/// </summary>
internal static class PluginParser
{
    public static PluginModel? Parse(GeneratorAttributeSyntaxContext context, bool isSync, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
        {
            return null;
        }

        var attributeName = isSync ? KnownNames.SyncPluginAttribute : KnownNames.AsyncPluginAttribute;
        if (!IsSupportedClass(type, attributeName, cancellationToken)
            || (isSync && type.HasAttribute(KnownNames.AsyncPluginAttribute)))
        {
            return null;
        }

        var attribute = context.Attributes[0];
        var taskTypes = AttributeReader.ConstructorStrings(attribute);
        if (taskTypes is null || taskTypes.Length == 0 || taskTypes.Any(t => string.IsNullOrWhiteSpace(t)))
        {
            return null;
        }

        var id = AttributeReader.NamedString(attribute, "Id");
        var version = AttributeReader.Named(attribute, "Version", 1);
        var config = ConfigParser.Parse(type);
        var constructor = ConstructorParser.Parse(type);
        if (config is null || constructor is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var usage = new UsageScanner().Add(type).Add(constructor.Constructor).AddRange(constructor.Members);
        var model = new PluginModel(
            type.ContainingNamespace.ToNamespaceDeclaration(),
            SymbolExtensions.EscapeIdentifier(type.Name),
            type.IsRecord ? "record" : "class",
            type.ToTypeName(),
            type.ToMetadataPath(),
            isSync,
            string.IsNullOrWhiteSpace(id) ? type.Name : id!,
            taskTypes.Distinct().ToEquatableArray(),
            version,
            config,
            constructor.Parameters,
            constructor.RequiredMembers,
            EquatableArray<string>.Empty,
            null, null, null, null, null, null, null, null);
        model = isSync ? WithSyncHandler(model, type, usage) : WithAsyncHandlers(model, type, usage);

        // Calling an [Obsolete(error: true)] member from generated code would break the build.
        return model is null || usage.HasObsoleteError
            ? null
            : model with { ExperimentalDiagnostics = usage.ExperimentalDiagnostics.ToEquatableArray() };
    }

    private static bool IsSupportedClass(INamedTypeSymbol type, string attributeName, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract || type.IsGenericType
            || type.ContainingType is not null || !type.IsAccessibleFromAssembly()
            || type.GetAttributes().Count(a => a.AttributeClass?.ToDisplayString() == attributeName) != 1
            || type.AllInterfaces.Any(i => i.ToDisplayString() == KnownNames.PluginInterface)
            || DerivesFromPlugin(type)
            || !type.GetMembers(KnownNames.DescriptorMember).IsEmpty
            || !type.GetMembers(KnownNames.ConfigMember).IsEmpty)
        {
            return false;
        }

        // Every part must be partial, or the generated part would be a second declaration of the class.
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                || declaration.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A plugin deriving from another plugin would inherit a second generated contract; the two cannot be merged,
    /// so it is left to the analyzers. (The base's generated interfaces are not visible yet, hence the attribute check.)
    /// </summary>
    private static bool DerivesFromPlugin(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.HasAttribute(KnownNames.AsyncPluginAttribute) || current.HasAttribute(KnownNames.SyncPluginAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A plugin that serializes its meta itself, or already has a member named like the generated serializer, keeps
    /// what it has: the serializer is an addition, never a reason to break the build.
    /// </summary>
    private static bool WantsMetaSerializer(INamedTypeSymbol type) =>
        type.GetMembers(KnownNames.MetaSerializerMember).IsEmpty
        && !type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == KnownNames.MetaSerializerProviderInterface);

    private static PluginModel? WithSyncHandler(PluginModel model, INamedTypeSymbol type, UsageScanner usage)
    {
        var handlers = HandlerParser.Candidates(type, "Do").Select(m => (Method: m, Model: HandlerParser.ParseDo(m))).Where(h => h.Model is not null).ToList();
        if (handlers.Count != 1)
        {
            return null;
        }

        usage.Add(handlers[0].Method);
        return model with { Do = handlers[0].Model };
    }

    private static PluginModel? WithAsyncHandlers(PluginModel model, INamedTypeSymbol type, UsageScanner usage)
    {
        var creates = HandlerParser.Candidates(type, "Create").Select(HandlerParser.ParseCreate).Where(h => h is not null).ToList();
        if (creates.Count != 1)
        {
            return null;
        }

        var create = creates[0]!;
        var meta = create.Meta;
        var gets = HandlerParser.Candidates(type, "Get").Select(m => (Method: m, Parsed: HandlerParser.ParseGet(m, meta))).Where(h => h.Parsed is not null).ToList();
        if (gets.Count != 1)
        {
            return null;
        }

        var (get, resource) = gets[0].Parsed!.Value;
        usage.Add(create.Method).Add(gets[0].Method);
        if (create.Resource is not null && !create.Resource.SameType(resource))
        {
            return null;
        }

        // Delete is optional (the analyzers warn without it), but a Delete the generator cannot call is an error.
        var deleteCandidates = HandlerParser.Candidates(type, "Delete");
        var deletes = deleteCandidates.Select(m => (Method: m, Model: HandlerParser.ParseDelete(m, meta))).Where(h => h.Model is not null).ToList();
        if (deleteCandidates.Count > 0 && deletes.Count != 1)
        {
            return null;
        }

        usage.AddRange(deletes.Select(d => d.Method));

        var requirementCandidates = type.GetMembers("GetResourceRequirements").OfType<IMethodSymbol>().ToList();
        if (requirementCandidates.Count > 1 || (requirementCandidates.Count == 1 && !HandlerParser.IsResourceRequirements(requirementCandidates[0])))
        {
            return null;
        }

        usage.AddRange(requirementCandidates);
        var status = StatusParser.Parse(type, meta, resource, usage);
        if (status is null)
        {
            return null;
        }

        return model with
        {
            MetaType = meta.ToTypeName(),
            ResourceType = resource.ToTypeName(),
            Create = create.Model,
            Get = get,
            Delete = deletes.Count == 1 ? deletes[0].Model : null,
            ResourceRequirementsMethod = requirementCandidates.Count == 1 ? requirementCandidates[0].Name : null,
            Status = status,
            MetaCodec = WantsMetaSerializer(type) ? MetaShapeParser.Parse(meta).Codec : null,
        };
    }
}
