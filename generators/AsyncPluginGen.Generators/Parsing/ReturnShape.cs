using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>A handler's return type split into how it returns (direct, Task, ValueTask) and what (null for none).</summary>
internal readonly struct ReturnShape
{
    private ReturnShape(ReturnKind kind, ITypeSymbol? value)
    {
        Kind = kind;
        Value = value;
    }

    public ReturnKind Kind { get; }

    /// <summary>The result type, or null for void, Task and ValueTask.</summary>
    public ITypeSymbol? Value { get; }

    public static ReturnShape Of(IMethodSymbol method, KnownTypes known)
    {
        var type = method.ReturnType;
        if (method.ReturnsVoid)
        {
            return new ReturnShape(ReturnKind.Direct, null);
        }

        if (type is INamedTypeSymbol named)
        {
            if (KnownTypes.Is(named, known.Task))
            {
                return new ReturnShape(ReturnKind.Task, null);
            }

            if (KnownTypes.Is(named, known.ValueTask))
            {
                return new ReturnShape(ReturnKind.ValueTask, null);
            }

            if (KnownTypes.Is(named, known.TaskOfT))
            {
                return new ReturnShape(ReturnKind.Task, named.TypeArguments[0]);
            }

            if (KnownTypes.Is(named, known.ValueTaskOfT))
            {
                return new ReturnShape(ReturnKind.ValueTask, named.TypeArguments[0]);
            }
        }

        return new ReturnShape(ReturnKind.Direct, type);
    }
}
