using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// APG0003–APG0006: the handlers the generator forwards to. Recognition is the generator's own
/// (<see cref="HandlerParser"/>); this class only explains why a method does not qualify.
/// </summary>
internal static class HandlerChecks
{
    public static void Check(PluginUnderAnalysis plugin)
    {
        if (plugin.IsSync)
        {
            Single(plugin, "Do", HandlerParser.Candidates(plugin.Type, "Do"), HandlerParser.ParseDo, m => WhyNotDo(m), HandlerShapes.Do, HandlerShapes.DoExample, null);
            return;
        }

        var create = Single(plugin, "Create", HandlerParser.Candidates(plugin.Type, "Create"), HandlerParser.ParseCreate, WhyNotCreate, HandlerShapes.Create, HandlerShapes.CreateExample, null);
        if (create is null)
        {
            return;
        }

        var meta = create.Meta;
        var metaName = meta.ToTypeName();
        var get = Single(plugin, "Get", HandlerParser.Candidates(plugin.Type, "Get"), m => HandlerParser.ParseGet(m, meta), m => WhyNotGet(m, meta), HandlerShapes.Get, HandlerShapes.GetExample(meta.ToDisplayString()), metaName);
        CheckDelete(plugin, meta);
        CheckResourceRequirements(plugin);
        ResourceMetaChecks.Check(plugin, meta);
        if (get is null)
        {
            return;
        }

        var resource = get.Value.Resource;
        if (create.Resource is not null && !create.Resource.SameType(resource))
        {
            var method = HandlerParser.Candidates(plugin.Type, "Get").First(m => HandlerParser.ParseGet(m, meta) is not null);
            plugin.Report(
                Descriptors.UnusableHandlerSignature,
                method.Locations.FirstOrDefault(),
                method.Name, "Get", plugin.Name,
                $"it returns '{resource.ToDisplayString()}' but Create returns Created<{meta.ToDisplayString()}, {create.Resource.ToDisplayString()}>; both must use the same resource type",
                HandlerShapes.Get);
            return;
        }

        PhaseMappingChecks.Check(plugin, meta, resource);
    }

    /// <summary>
    /// Finds the one usable handler among the candidates: reports APG0003 when there is no candidate, APG0004 on
    /// each candidate when none is usable, and APG0005 when several are.
    /// </summary>
    private static T? Single<T>(
        PluginUnderAnalysis plugin,
        string role,
        List<IMethodSymbol> candidates,
        System.Func<IMethodSymbol, T?> parse,
        System.Func<IMethodSymbol, string> whyNot,
        string shapes,
        string example,
        string? metaType)
    {
        if (candidates.Count == 0)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Handler, role);
            if (metaType is not null)
            {
                properties = properties.Add(DiagnosticProperties.MetaType, metaType);
            }

            plugin.Report(Descriptors.MissingHandler, plugin.ClassLocation, properties, plugin.Name, role, example);
            return default;
        }

        var usable = candidates.Select(m => (Method: m, Parsed: parse(m))).Where(p => p.Parsed is not null).ToList();
        if (usable.Count == 0)
        {
            foreach (var candidate in candidates)
            {
                plugin.Report(Descriptors.UnusableHandlerSignature, candidate.Locations.FirstOrDefault(), candidate.Name, role, plugin.Name, whyNot(candidate), shapes);
            }

            return default;
        }

        if (usable.Count > 1)
        {
            plugin.Report(
                Descriptors.AmbiguousHandlers,
                plugin.ClassLocation,
                plugin.Name,
                usable.Count,
                role,
                string.Join(", ", usable.Select(u => u.Method.ToDisplayString(HandlerShapes.SignatureFormat))));
            return default;
        }

        return usable[0].Parsed;
    }

    private static void CheckDelete(PluginUnderAnalysis plugin, ITypeSymbol meta)
    {
        var candidates = HandlerParser.Candidates(plugin.Type, "Delete");
        if (candidates.Count == 0)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MetaType, meta.ToTypeName());
            plugin.Report(Descriptors.MissingDelete, plugin.ClassLocation, properties, plugin.Name, HandlerShapes.DeleteExample(meta.ToDisplayString()));
            return;
        }

        Single(plugin, "Delete", candidates, m => HandlerParser.ParseDelete(m, meta), m => WhyNotDelete(m, meta), HandlerShapes.Delete, HandlerShapes.DeleteExample(meta.ToDisplayString()), null);
    }

    private static void CheckResourceRequirements(PluginUnderAnalysis plugin)
    {
        foreach (var method in plugin.Type.GetMembers("GetResourceRequirements").OfType<IMethodSymbol>().Where(m => !HandlerParser.IsResourceRequirements(m)))
        {
            plugin.Report(
                Descriptors.UnusableHandlerSignature,
                method.Locations.FirstOrDefault(),
                method.Name, "GetResourceRequirements", plugin.Name,
                "it must take one TaskContext and return ResourceRequirements",
                HandlerShapes.ResourceRequirements);
        }
    }

    private static string WhyNotCreate(IMethodSymbol method) =>
        CommonProblem(method)
        ?? (!TakesTaskContext(method) ? "its parameters must be (TaskContext task) or (TaskContext task, CancellationToken cancellationToken)" : null)
        ?? (ReturnShape.Of(method).Value is null ? "it returns nothing; return the ResourceMeta that identifies the remote job, or Created<TMeta, TResource>" : null)
        ?? $"its ResourceMeta or Resource type '{ReturnShape.Of(method).Value!.ToDisplayString()}' cannot be used (nullable value types, pointers, type parameters and ref structs cannot)";

    private static string WhyNotGet(IMethodSymbol method, ITypeSymbol meta) =>
        CommonProblem(method)
        ?? (method.Parameters.Length is < 1 or > 2 || (method.Parameters.Length == 2 && !method.Parameters[1].Type.IsCancellationToken())
            ? "its parameters must be (TMeta meta) or (TMeta meta, CancellationToken cancellationToken)"
            : null)
        ?? (!method.Parameters[0].Type.SameType(meta) ? $"its first parameter is '{method.Parameters[0].Type.ToDisplayString()}', but Create returns ResourceMeta '{meta.ToDisplayString()}'" : null)
        ?? (ReturnShape.Of(method).Value is null ? "it returns nothing; return the resource that describes the remote job's state" : null)
        ?? $"its Resource type '{ReturnShape.Of(method).Value!.ToDisplayString()}' cannot be used (nullable value types, pointers, type parameters and ref structs cannot)";

    private static string WhyNotDelete(IMethodSymbol method, ITypeSymbol meta) =>
        CommonProblem(method)
        ?? (method.Parameters.Length == 0 || !method.Parameters[0].Type.SameType(meta)
            ? $"its first parameter must be the ResourceMeta '{meta.ToDisplayString()}' that Create returns"
            : null)
        ?? (ReturnShape.Of(method).Value is not null ? "it must return void, Task or ValueTask" : null)
        ?? "after the meta it may only take a DeleteReason and then a CancellationToken, in that order";

    private static string WhyNotDo(IMethodSymbol method) =>
        CommonProblem(method)
        ?? (!TakesTaskContext(method) ? "its parameters must be (TaskContext task) or (TaskContext task, CancellationToken cancellationToken)" : null)
        ?? "it must return PhaseInfo, Task<PhaseInfo> or ValueTask<PhaseInfo>";

    private static string? CommonProblem(IMethodSymbol method) =>
        method.IsGenericMethod ? "it is generic"
        : method.ReturnsByRef || method.ReturnsByRefReadonly ? "it returns by reference"
        : method.IsAbstract ? "it is abstract"
        : method.Parameters.Any(p => p.RefKind is RefKind.Ref or RefKind.Out) ? "it has ref or out parameters"
        : null;

    private static bool TakesTaskContext(IMethodSymbol method) =>
        method.Parameters.Length is 1 or 2
        && method.Parameters[0].Type.IsRuntimeType("TaskContext")
        && (method.Parameters.Length == 1 || method.Parameters[1].Type.IsCancellationToken());
}
