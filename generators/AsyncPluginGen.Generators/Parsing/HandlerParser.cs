using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Recognises the handler shapes documented on AsyncPluginAttribute and SyncPluginAttribute: each Parse method
/// returns the handler's model, or null when the method does not have an accepted shape. Which of several candidates
/// is used, and what is reported when none or several qualify, is <see cref="HandlerInspector"/>'s decision.
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

        /// <summary>The resource type of Created&lt;TMeta, TResource&gt;; null when Create returns the meta only.</summary>
        public ITypeSymbol? Resource { get; }
    }

    public static CreateHandler? ParseCreate(IMethodSymbol method, KnownTypes known)
    {
        if (!IsPlainMethod(method) || !TakesTaskContext(method, known, out var hasCt))
        {
            return null;
        }

        var shape = ReturnShape.Of(method, known);
        if (shape.Value is null)
        {
            return null;
        }

        if (KnownTypes.Is(shape.Value, known.Created) && shape.Value is INamedTypeSymbol created)
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
    public static (HandlerModel Model, ITypeSymbol Resource)? ParseGet(IMethodSymbol method, ITypeSymbol meta, KnownTypes known)
    {
        if (!IsPlainMethod(method) || method.Parameters.Length is < 1 or > 2 || !method.Parameters[0].Type.SameType(meta))
        {
            return null;
        }

        var hasCt = method.Parameters.Length == 2;
        if (hasCt && !KnownTypes.Is(method.Parameters[1].Type, known.CancellationToken))
        {
            return null;
        }

        var shape = ReturnShape.Of(method, known);
        return shape.Value is { } resource && resource.IsUsableTypeArgument()
            ? (new HandlerModel(method.Name, shape.Kind, hasCt, ReturnsNullable: resource.ContainsNullableAnnotation()), resource)
            : null;
    }

    /// <summary>Delete(TMeta[, DeleteReason][, CancellationToken]) returning void, Task or ValueTask.</summary>
    public static HandlerModel? ParseDelete(IMethodSymbol method, ITypeSymbol meta, KnownTypes known)
    {
        var parameters = method.Parameters;
        if (!IsPlainMethod(method) || parameters.Length is < 1 or > 3 || !parameters[0].Type.SameType(meta))
        {
            return null;
        }

        var index = 1;
        var hasReason = index < parameters.Length && KnownTypes.Is(parameters[index].Type, known.DeleteReason);
        if (hasReason)
        {
            index++;
        }

        var hasCt = index < parameters.Length && KnownTypes.Is(parameters[index].Type, known.CancellationToken);
        if (hasCt)
        {
            index++;
        }

        var shape = ReturnShape.Of(method, known);
        return index == parameters.Length && shape.Value is null
            ? new HandlerModel(method.Name, shape.Kind, hasCt, HasReason: hasReason)
            : null;
    }

    /// <summary>Status(TResource) or Status([in] StatusContext&lt;TMeta, TResource&gt;) returning PhaseInfo.</summary>
    public static HandwrittenStatusModel? ParseStatus(IMethodSymbol method, ITypeSymbol meta, ITypeSymbol resource, KnownTypes known)
    {
        if (!IsPlainMethod(method) || method.Name != "Status" || method.Parameters.Length != 1
            || !KnownTypes.Is(method.ReturnType, known.PhaseInfo))
        {
            return null;
        }

        var parameter = method.Parameters[0].Type;
        if (parameter.SameType(resource))
        {
            return new HandwrittenStatusModel(TakesContext: false);
        }

        return KnownTypes.Is(parameter, known.StatusContext) && parameter is INamedTypeSymbol context
            && context.TypeArguments[0].SameType(meta) && context.TypeArguments[1].SameType(resource)
            ? new HandwrittenStatusModel(TakesContext: true)
            : null;
    }

    /// <summary>GetResourceRequirements(TaskContext) returning ResourceRequirements.</summary>
    public static bool IsResourceRequirements(IMethodSymbol method, KnownTypes known) =>
        IsPlainMethod(method) && method.Parameters.Length == 1 && KnownTypes.Is(method.Parameters[0].Type, known.TaskContext)
        && KnownTypes.Is(method.ReturnType, known.ResourceRequirements);

    /// <summary>Do(TaskContext[, CancellationToken]) returning PhaseInfo, directly or as a task.</summary>
    public static HandlerModel? ParseDo(IMethodSymbol method, KnownTypes known)
    {
        if (!IsPlainMethod(method) || !TakesTaskContext(method, known, out var hasCt))
        {
            return null;
        }

        var shape = ReturnShape.Of(method, known);
        return KnownTypes.Is(shape.Value, known.PhaseInfo) ? new HandlerModel(method.Name, shape.Kind, hasCt) : null;
    }

    /// <summary>(TaskContext) or (TaskContext, CancellationToken): the parameters of Create and Do.</summary>
    public static bool TakesTaskContext(IMethodSymbol method, KnownTypes known, out bool hasCancellationToken)
    {
        var parameters = method.Parameters;
        hasCancellationToken = parameters.Length == 2 && KnownTypes.Is(parameters[1].Type, known.CancellationToken);
        return parameters.Length is 1 or 2
            && KnownTypes.Is(parameters[0].Type, known.TaskContext)
            && (parameters.Length == 1 || hasCancellationToken);
    }
}
