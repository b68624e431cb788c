using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// The one inspection of an [AsyncPlugin] or [SyncPlugin] class: it returns the model the generator emits and reports
/// the problems the analyzers turn into diagnostics. The generator uses the model and discards the problems; the
/// analyzers report the problems. Every rule lives here once, so the two cannot disagree on what a valid plugin is.
/// </summary>
internal static class PluginInspector
{
    /// <summary>
    /// The generator's entry: the model of <paramref name="type"/> made a plugin by <paramref name="attributes"/> (the
    /// plugin attributes on one of its declarations), or null for anything it cannot implement. Never throws, never reports.
    /// </summary>
    public static PluginModel? Model(INamedTypeSymbol type, IReadOnlyList<AttributeData> attributes, bool isSync, Compilation compilation, CancellationToken cancellationToken)
    {
        if (attributes.Count != 1)
        {
            return null;
        }

        var target = new PluginTarget(type, attributes[0], isSync, KnownTypes.From(compilation), compilation, cancellationToken);
        return Inspect(target, Problems.Discard).Model;
    }

    /// <summary>Inspects the class: problems go to <paramref name="problems"/>.</summary>
    public static PluginInspection Inspect(PluginTarget target, Problems problems)
    {
        var type = target.Type;
        var known = target.Known;
        var verdict = ClassInspector.Inspect(target, problems, out var constructor);
        if (verdict == ClassInspector.Verdict.Unsupported)
        {
            if (target.IsSync || !ClassInspector.HasBothAttributes(target))
            {
                return new PluginInspection(null, System.Array.Empty<string>());
            }

            // Reported (APG0002) and nothing more, but the generator still implements the class as the async plugin.
            problems = Problems.Discard;
            verdict = ClassInspector.Inspect(target, problems, out constructor, allowBothAttributes: true);
            if (verdict == ClassInspector.Verdict.Unsupported)
            {
                return new PluginInspection(null, System.Array.Empty<string>());
            }
        }

        // Two attributes of the same kind are a compile error (CS0579), which explains itself.
        var generatable = verdict == ClassInspector.Verdict.Supported
            && KnownTypes.Attributes(type, target.IsSync ? known.SyncPluginAttribute : known.AsyncPluginAttribute).Count() == 1;
        var taskTypes = TaskTypeInspector.Inspect(target, problems, out var taskTypesValid);
        var config = ConfigInspector.Inspect(target, problems);

        target.CancellationToken.ThrowIfCancellationRequested();
        var usage = new UsageScanner(known).Add(type);
        if (constructor is not null)
        {
            usage.Add(constructor.Constructor).AddRange(constructor.Members);
        }

        HandlersModel? handlers = target.IsSync ? SyncHandlers(target, problems, usage) : AsyncHandlers(target, problems, usage);

        // Calling an [Obsolete(error: true)] member from generated code would break the build.
        if (handlers is not null && usage.ObsoleteError is { } obsolete)
        {
            problems.Report(ProblemIds.UnsupportedPluginDeclaration, target.ClassLocation, type.Name,
                $"the generated code would use '{obsolete.ToDisplayString()}', which is [Obsolete] as an error; stop using it in the plugin's handlers, constructor or states, or make the obsoletion a warning");
        }

        if (!generatable || !taskTypesValid || config is null || constructor is null || handlers is null || usage.HasObsoleteError)
        {
            return new PluginInspection(null, taskTypes);
        }

        var id = AttributeReader.NamedString(target.Attribute, "Id");
        var model = new PluginModel(
            type.ContainingNamespace.ToNamespaceDeclaration(),
            SymbolExtensions.EscapeIdentifier(type.Name),
            type.IsRecord ? "record" : "class",
            type.ToTypeName(),
            type.ToMetadataPath(),
            string.IsNullOrWhiteSpace(id) ? type.Name : id!,
            taskTypes.ToEquatableArray(),
            AttributeReader.Named(target.Attribute, "Version", 1),
            config,
            constructor.Parameters,
            constructor.RequiredMembers,
            usage.ExperimentalDiagnostics.ToEquatableArray(),
            handlers);
        return new PluginInspection(model, taskTypes);
    }

    private static SyncHandlersModel? SyncHandlers(PluginTarget target, Problems problems, UsageScanner usage)
    {
        if (HandlerInspector.Do(target, problems) is not { } @do)
        {
            return null;
        }

        usage.Add(@do.Method);
        return new SyncHandlersModel(@do.Parsed);
    }

    private static AsyncHandlersModel? AsyncHandlers(PluginTarget target, Problems problems, UsageScanner usage)
    {
        if (HandlerInspector.Create(target, problems) is not { } create)
        {
            return null;
        }

        var meta = create.Parsed.Meta;
        var get = HandlerInspector.Get(target, problems, meta);
        var delete = HandlerInspector.Delete(target, problems, meta, out var deleteUsable);
        var requirements = HandlerInspector.ResourceRequirements(target, problems, out var requirementsUsable);

        // APG0014: what the generated ResourceMeta serializer needs; a meta that cannot be serialized gets none.
        var metaShape = MetaShapeParser.Parse(meta, target.Known);
        if (metaShape.Reason is not null && !metaShape.HasErrorTypes)
        {
            // A type that does not compile is the compiler's to report; a guess about its shape would only add noise.
            var location = HandlerParser.Candidates(target.Type, "Create").Select(target.LocationOf).First();
            problems.Report(ProblemIds.ResourceMetaNotSerializable, location, meta.ToDisplayString(), target.Name, metaShape.Reason);
        }

        if (get is not { } found)
        {
            return null;
        }

        var resource = found.Parsed.Resource;
        if (create.Parsed.Resource is { } created && !created.SameType(resource))
        {
            problems.Report(
                ProblemIds.UnusableHandlerSignature,
                target.LocationOf(found.Method),
                found.Method.Name, "Get", target.Name,
                $"it returns '{resource.ToDisplayString()}' but Create returns Created<{meta.ToDisplayString()}, {created.ToDisplayString()}>; both must use the same resource type",
                HandlerShapes.Get);
            return null;
        }

        usage.Add(create.Method).Add(found.Method).Add(delete?.Method).Add(requirements);
        var status = StatusInspector.Inspect(target, problems, meta, resource, usage);
        if (status is null || !deleteUsable || !requirementsUsable)
        {
            return null;
        }

        return new AsyncHandlersModel(
            meta.ToTypeName(),
            resource.ToTypeName(),
            create.Parsed.Model,
            found.Parsed.Model,
            delete?.Parsed,
            requirements?.Name,
            status,
            WantsMetaSerializer(target) ? metaShape.Codec : null);
    }

    /// <summary>
    /// A plugin that serializes its meta itself, or already has a member named like the generated serializer, keeps
    /// what it has: the serializer is an addition, never a reason to break the build.
    /// </summary>
    private static bool WantsMetaSerializer(PluginTarget target) =>
        target.Type.GetMembers(KnownNames.MetaSerializerMember).IsEmpty
        && !target.Type.AllInterfaces.Any(i => KnownTypes.Is(i, target.Known.MetaSerializerProvider));
}
