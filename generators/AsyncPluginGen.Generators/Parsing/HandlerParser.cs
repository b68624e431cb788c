using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Recognises the handler shapes documented on AsyncPluginAttribute and SyncPluginAttribute. Each method
/// returns a three-way answer: no handler of that name (null candidates), exactly one usable handler, or
/// something the generator cannot use (a wrong shape or several usable overloads), which skips the plugin.
/// </summary>
internal static class HandlerParser
{
    /// <summary>Methods named <paramref name="name"/> or <paramref name="name"/>Async declared on the class.</summary>
    public static List<IMethodSymbol> Candidates(INamedTypeSymbol type, string name) =>
        type.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && (m.Name == name || m.Name == name + "Async"))
            .ToList();

    public static bool IsPlainMethod(IMethodSymbol method) =>
        !method.IsGenericMethod && !method.ReturnsByRef && !method.ReturnsByRefReadonly && !method.IsAbstract
        && method.Parameters.All(p => p.RefKind == RefKind.None || p.RefKind == RefKind.In);

    public sealed class CreateHandler
    {
        public CreateHandler(HandlerModel model, IMethodSymbol method, ITypeSymbol meta, ITypeSymbol? resource)
        {
            Model = model;
            Method = method;
            Meta = meta;
            Resource = resource;
        }

        public HandlerModel Model { get; }

        public IMethodSymbol Method { get; }

        public ITypeSymbol Meta { get; }

        public ITypeSymbol? Resource { get; }
    }

    public static CreateHandler? ParseCreate(IMethodSymbol method)
    {
        if (!IsPlainMethod(method) || !TakesTaskContext(method, out var hasCt))
        {
            return null;
        }

        var shape = ReturnShape.Of(method);
        if (shape.Value is null)
        {
            return null;
        }

        if (shape.Value.IsRuntimeType("Created`2") && shape.Value is INamedTypeSymbol created)
        {
            var meta = created.TypeArguments[0];
            var resource = created.TypeArguments[1];
            return meta.IsUsableTypeArgument() && resource.IsUsableTypeArgument()
                ? new CreateHandler(new HandlerModel(method.Name, shape.Kind, hasCt, ReturnsNullable: shape.Value.ContainsNullableAnnotation()), method, meta, resource)
                : null;
        }

        return shape.Value.IsUsableTypeArgument()
            ? new CreateHandler(new HandlerModel(method.Name, shape.Kind, hasCt, ReturnsMetaOnly: true, ReturnsNullable: shape.Value.ContainsNullableAnnotation()), method, shape.Value, null)
            : null;
    }

    /// <summary>Get(TMeta[, CancellationToken]) returning the resource, directly or as a task.</summary>
    public static (HandlerModel Model, ITypeSymbol Resource)? ParseGet(IMethodSymbol method, ITypeSymbol meta)
    {
        if (!IsPlainMethod(method) || method.Parameters.Length is < 1 or > 2 || !method.Parameters[0].Type.SameType(meta))
        {
            return null;
        }

        var hasCt = method.Parameters.Length == 2;
        if (hasCt && !method.Parameters[1].Type.IsCancellationToken())
        {
            return null;
        }

        var shape = ReturnShape.Of(method);
        return shape.Value is { } resource && resource.IsUsableTypeArgument()
            ? (new HandlerModel(method.Name, shape.Kind, hasCt, ReturnsNullable: resource.ContainsNullableAnnotation()), resource)
            : null;
    }

    /// <summary>Delete(TMeta[, DeleteReason][, CancellationToken]) returning void, Task or ValueTask.</summary>
    public static HandlerModel? ParseDelete(IMethodSymbol method, ITypeSymbol meta)
    {
        var parameters = method.Parameters;
        if (!IsPlainMethod(method) || parameters.Length is < 1 or > 3 || !parameters[0].Type.SameType(meta))
        {
            return null;
        }

        var index = 1;
        var hasReason = index < parameters.Length && parameters[index].Type.IsRuntimeType("DeleteReason");
        if (hasReason)
        {
            index++;
        }

        var hasCt = index < parameters.Length && parameters[index].Type.IsCancellationToken();
        if (hasCt)
        {
            index++;
        }

        var shape = ReturnShape.Of(method);
        return index == parameters.Length && shape.Value is null
            ? new HandlerModel(method.Name, shape.Kind, hasCt, HasReason: hasReason)
            : null;
    }

    /// <summary>Status(TResource) or Status([in] StatusContext&lt;TMeta, TResource&gt;) returning PhaseInfo.</summary>
    public static HandlerModel? ParseStatus(IMethodSymbol method, ITypeSymbol meta, ITypeSymbol resource)
    {
        if (!IsPlainMethod(method) || method.Name != "Status" || method.Parameters.Length != 1
            || !method.ReturnType.IsRuntimeType("PhaseInfo"))
        {
            return null;
        }

        var parameter = method.Parameters[0].Type;
        if (parameter.SameType(resource))
        {
            return new HandlerModel(method.Name, ReturnKind.Direct, false);
        }

        return parameter.IsRuntimeType("StatusContext`2") && parameter is INamedTypeSymbol context
            && context.TypeArguments[0].SameType(meta) && context.TypeArguments[1].SameType(resource)
            ? new HandlerModel(method.Name, ReturnKind.Direct, false, TakesContext: true)
            : null;
    }

    /// <summary>GetResourceRequirements(TaskContext) returning ResourceRequirements.</summary>
    public static bool IsResourceRequirements(IMethodSymbol method) =>
        IsPlainMethod(method) && method.Parameters.Length == 1 && method.Parameters[0].Type.IsRuntimeType("TaskContext")
        && method.ReturnType.IsRuntimeType("ResourceRequirements");

    /// <summary>Do(TaskContext[, CancellationToken]) returning PhaseInfo, directly or as a task.</summary>
    public static HandlerModel? ParseDo(IMethodSymbol method)
    {
        if (!IsPlainMethod(method) || !TakesTaskContext(method, out var hasCt))
        {
            return null;
        }

        var shape = ReturnShape.Of(method);
        return shape.Value.IsRuntimeType("PhaseInfo") ? new HandlerModel(method.Name, shape.Kind, hasCt) : null;
    }

    private static bool TakesTaskContext(IMethodSymbol method, out bool hasCancellationToken)
    {
        var parameters = method.Parameters;
        hasCancellationToken = parameters.Length == 2 && parameters[1].Type.IsCancellationToken();
        return parameters.Length is 1 or 2
            && parameters[0].Type.IsRuntimeType("TaskContext")
            && (parameters.Length == 1 || hasCancellationToken);
    }
}
