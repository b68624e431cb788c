using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// APG0003–APG0006: the handlers the generated code forwards to. Recognition is <see cref="HandlerParser"/>'s; this
/// picks the one usable handler of each role and explains why there is none, or several.
/// </summary>
internal static class HandlerInspector
{
    /// <summary>Keys of the properties the code fixes read (the analyzers' DiagnosticProperties mirror them).</summary>
    public const string HandlerProperty = "Handler";
    public const string MetaTypeProperty = "MetaType";

    /// <summary>A usable handler: the method, and what its parser made of it.</summary>
    public readonly struct Found<T>
    {
        public Found(IMethodSymbol method, T parsed)
        {
            Method = method;
            Parsed = parsed;
        }

        public IMethodSymbol Method { get; }

        public T Parsed { get; }
    }

    public static Found<HandlerModel>? Do(PluginTarget target, Problems problems) =>
        Single(target, problems, "Do", HandlerParser.Candidates(target.Type, "Do"), m => HandlerParser.ParseDo(m, target.Known), m => WhyNotDo(m, target.Known), HandlerShapes.Do, HandlerShapes.DoExample, null);

    public static Found<HandlerParser.CreateHandler>? Create(PluginTarget target, Problems problems) =>
        Single(target, problems, "Create", HandlerParser.Candidates(target.Type, "Create"), m => HandlerParser.ParseCreate(m, target.Known), m => WhyNotCreate(m, target.Known), HandlerShapes.Create, HandlerShapes.CreateExample, null);

    public static Found<(HandlerModel Model, ITypeSymbol Resource)>? Get(PluginTarget target, Problems problems, ITypeSymbol meta) =>
        Single(
            target, problems, "Get", HandlerParser.Candidates(target.Type, "Get"),
            m => HandlerParser.ParseGet(m, meta, target.Known) is { } get ? get : ((HandlerModel, ITypeSymbol)?)null,
            m => WhyNotGet(m, meta, target.Known), HandlerShapes.Get, HandlerShapes.GetExample(meta.ToDisplayString()), meta.ToTypeName());

    /// <summary>
    /// The Delete handler. <paramref name="usable"/> is false when there are Delete candidates but not exactly one
    /// usable: a Delete the generated code cannot call is an error. No Delete at all is only a warning.
    /// </summary>
    public static Found<HandlerModel>? Delete(PluginTarget target, Problems problems, ITypeSymbol meta, out bool usable)
    {
        var candidates = HandlerParser.Candidates(target.Type, "Delete");
        if (candidates.Count == 0)
        {
            usable = true;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(MetaTypeProperty, meta.ToTypeName());
            problems.Report(
                ProblemIds.MissingDelete, target.ClassLocation, properties, target.Name, HandlerShapes.DeleteExample(meta.ToDisplayString()),
                NearMiss.Hint(NearMiss.Find(target.Type, new[] { "Delete", "DeleteAsync" })));
            return null;
        }

        var delete = Single(target, problems, "Delete", candidates, m => HandlerParser.ParseDelete(m, meta, target.Known), m => WhyNotDelete(m, meta, target.Known), HandlerShapes.Delete, HandlerShapes.DeleteExample(meta.ToDisplayString()), null);
        usable = delete is not null;
        return delete;
    }

    /// <summary>
    /// The author's GetResourceRequirements, if any. <paramref name="usable"/> is false when a method of that name
    /// does not have the accepted shape, or several do.
    /// </summary>
    public static IMethodSymbol? ResourceRequirements(PluginTarget target, Problems problems, out bool usable)
    {
        var candidates = target.Type.GetMembers("GetResourceRequirements").OfType<IMethodSymbol>().ToList();
        usable = true;
        foreach (var method in candidates.Where(m => !HandlerParser.IsResourceRequirements(m, target.Known)))
        {
            problems.Report(
                ProblemIds.UnusableHandlerSignature, target.LocationOf(method),
                method.Name, "GetResourceRequirements", target.Name, "it must take one TaskContext and return ResourceRequirements", HandlerShapes.ResourceRequirements);
            usable = false;
        }

        var valid = candidates.Where(m => HandlerParser.IsResourceRequirements(m, target.Known)).ToList();
        if (valid.Count > 1)
        {
            ReportAmbiguous(target, problems, "GetResourceRequirements", valid);
            usable = false;
        }

        return usable && valid.Count == 1 ? valid[0] : null;
    }

    public static void ReportAmbiguous(PluginTarget target, Problems problems, string role, IReadOnlyCollection<IMethodSymbol> methods) =>
        problems.Report(
            ProblemIds.AmbiguousHandlers, target.ClassLocation,
            target.Name, methods.Count, role, string.Join(", ", methods.Select(m => m.ToDisplayString(HandlerShapes.SignatureFormat))));

    /// <summary>
    /// The one usable handler among the candidates: APG0003 when there is no candidate (suggesting a near-miss
    /// name), APG0004 on each candidate when none is usable, APG0005 when several are.
    /// </summary>
    private static Found<T>? Single<T>(
        PluginTarget target,
        Problems problems,
        string role,
        List<IMethodSymbol> candidates,
        Func<IMethodSymbol, T?> parse,
        Func<IMethodSymbol, string> whyNot,
        string shapes,
        string example,
        string? metaType)
        where T : class
    {
        return SingleCore(target, problems, role, candidates, m => parse(m) is { } parsed ? new Found<T>(m, parsed) : (Found<T>?)null, whyNot, shapes, example, metaType);
    }

    private static Found<T>? Single<T>(
        PluginTarget target,
        Problems problems,
        string role,
        List<IMethodSymbol> candidates,
        Func<IMethodSymbol, T?> parse,
        Func<IMethodSymbol, string> whyNot,
        string shapes,
        string example,
        string? metaType)
        where T : struct
    {
        return SingleCore(target, problems, role, candidates, m => parse(m) is { } parsed ? new Found<T>(m, parsed) : (Found<T>?)null, whyNot, shapes, example, metaType);
    }

    private static Found<T>? SingleCore<T>(
        PluginTarget target,
        Problems problems,
        string role,
        List<IMethodSymbol> candidates,
        Func<IMethodSymbol, Found<T>?> parse,
        Func<IMethodSymbol, string> whyNot,
        string shapes,
        string example,
        string? metaType)
    {
        if (candidates.Count == 0)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(HandlerProperty, role);
            if (metaType is not null)
            {
                properties = properties.Add(MetaTypeProperty, metaType);
            }

            var hint = NearMiss.Hint(NearMiss.Find(target.Type, new[] { role, role + "Async" }));
            problems.Report(ProblemIds.MissingHandler, target.ClassLocation, properties, target.Name, role, example, hint);
            return null;
        }

        var usable = candidates.Select(parse).Where(p => p is not null).Select(p => p!.Value).ToList();
        if (usable.Count == 0)
        {
            foreach (var candidate in candidates)
            {
                problems.Report(ProblemIds.UnusableHandlerSignature, target.LocationOf(candidate), candidate.Name, role, target.Name, whyNot(candidate), shapes);
            }

            return null;
        }

        if (usable.Count > 1)
        {
            ReportAmbiguous(target, problems, role, usable.Select(u => u.Method).ToList());
            return null;
        }

        return usable[0];
    }

    private static string WhyNotCreate(IMethodSymbol method, KnownTypes known) =>
        CommonProblem(method)
        ?? (!HandlerParser.TakesTaskContext(method, known, out _) ? "its parameters must be (TaskContext task) or (TaskContext task, CancellationToken cancellationToken)" : null)
        ?? (ReturnShape.Of(method, known).Value is null ? "it returns nothing; return the ResourceMeta that identifies the remote job, or Created<TMeta, TResource>" : null)
        ?? $"its ResourceMeta or Resource type '{ReturnShape.Of(method, known).Value?.ToDisplayString()}' cannot be used (nullable value types, pointers, type parameters and ref structs cannot)";

    private static string WhyNotGet(IMethodSymbol method, ITypeSymbol meta, KnownTypes known) =>
        CommonProblem(method)
        ?? (method.Parameters.Length is < 1 or > 2 || (method.Parameters.Length == 2 && !KnownTypes.Is(method.Parameters[1].Type, known.CancellationToken))
            ? "its parameters must be (TMeta meta) or (TMeta meta, CancellationToken cancellationToken)"
            : null)
        ?? (!method.Parameters[0].Type.SameType(meta) ? $"its first parameter is '{method.Parameters[0].Type.ToDisplayString()}', but Create returns ResourceMeta '{meta.ToDisplayString()}'" : null)
        ?? (ReturnShape.Of(method, known).Value is null ? "it returns nothing; return the resource that describes the remote job's state" : null)
        ?? $"its Resource type '{ReturnShape.Of(method, known).Value?.ToDisplayString()}' cannot be used (nullable value types, pointers, type parameters and ref structs cannot)";

    private static string WhyNotDelete(IMethodSymbol method, ITypeSymbol meta, KnownTypes known) =>
        CommonProblem(method)
        ?? (method.Parameters.Length == 0 || !method.Parameters[0].Type.SameType(meta)
            ? $"its first parameter must be the ResourceMeta '{meta.ToDisplayString()}' that Create returns"
            : null)
        ?? (ReturnShape.Of(method, known).Value is not null ? "it must return void, Task or ValueTask" : null)
        ?? "after the meta it may only take a DeleteReason and then a CancellationToken, in that order";

    private static string WhyNotDo(IMethodSymbol method, KnownTypes known) =>
        CommonProblem(method)
        ?? (!HandlerParser.TakesTaskContext(method, known, out _) ? "its parameters must be (TaskContext task) or (TaskContext task, CancellationToken cancellationToken)" : null)
        ?? "it must return PhaseInfo, Task<PhaseInfo> or ValueTask<PhaseInfo>";

    private static string? CommonProblem(IMethodSymbol method) =>
        method.IsGenericMethod ? "it is generic"
        : method.ReturnsByRef || method.ReturnsByRefReadonly ? "it returns by reference"
        : method.IsAbstract ? "it is abstract"
        : method.Parameters.Any(p => p.RefKind is RefKind.Ref or RefKind.Out) ? "it has ref or out parameters"
        : null;
}
