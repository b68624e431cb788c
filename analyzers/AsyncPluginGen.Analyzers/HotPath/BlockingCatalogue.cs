using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// The calls that park the polling thread: synchronous waits on tasks, sleeps, joins and wait handles. Resolved once
/// per compilation. Async waits (<c>WaitAsync</c>) and spinning are not blocking in this sense.
/// </summary>
internal sealed class BlockingCatalogue
{
    private const string TaskResultText = "synchronous wait for a task's result";

    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _valueTaskOfT;
    private readonly INamedTypeSymbol? _thread;
    private readonly INamedTypeSymbol? _waitHandle;
    private readonly INamedTypeSymbol? _monitor;
    private readonly INamedTypeSymbol? _barrier;
    private readonly INamedTypeSymbol? _timeSpan;
    private readonly INamedTypeSymbol?[] _slimWaits;
    private readonly INamedTypeSymbol?[] _awaiters;

    private BlockingCatalogue(Compilation compilation)
    {
        _task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        _taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        _valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        _thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        _waitHandle = compilation.GetTypeByMetadataName("System.Threading.WaitHandle");
        _monitor = compilation.GetTypeByMetadataName("System.Threading.Monitor");
        _barrier = compilation.GetTypeByMetadataName("System.Threading.Barrier");
        _timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        _slimWaits = new[]
        {
            compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim"),
            compilation.GetTypeByMetadataName("System.Threading.ManualResetEventSlim"),
            compilation.GetTypeByMetadataName("System.Threading.CountdownEvent"),
        };
        _awaiters = new[]
        {
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter`1"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter`1"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter"),
        };
    }

    public static BlockingCatalogue Create(Compilation compilation) => new(compilation);

    public CatalogueHit? MatchMethod(IMethodSymbol method)
    {
        var declaring = method.ContainingType?.OriginalDefinition;
        if (declaring is null || declaring.SpecialType == SpecialType.System_Object)
        {
            return null;
        }

        var name = method.Name;
        if (Is(declaring, _task) && name is "Wait" or "WaitAll" or "WaitAny")
        {
            return Hit(method, "synchronous wait for a task", BlockingKinds.TaskWait);
        }

        if (name == "GetResult" && IsAny(declaring, _awaiters))
        {
            return Hit(method, TaskResultText, BlockingKinds.GetResult);
        }

        if (Is(declaring, _thread))
        {
            return name switch
            {
                "Sleep" => Hit(method, "thread sleep", BlockingKinds.ThreadSleep),
                "Join" => Hit(method, "waits for a thread", BlockingKinds.Other),
                _ => null,
            };
        }

        if (name is "WaitOne" or "WaitAll" or "WaitAny" or "SignalAndWait" && SymbolFacts.IsOrDerivesFrom(declaring, _waitHandle))
        {
            return Hit(method, "wait on a wait handle", BlockingKinds.WaitHandle);
        }

        if ((name == "Wait" && IsAny(declaring, _slimWaits)) || (name == "SignalAndWait" && Is(declaring, _barrier)))
        {
            return Hit(method, "blocking wait", BlockingKinds.Other);
        }

        if (Is(declaring, _monitor) && (name is "Enter" or "Wait" || (name == "TryEnter" && HasTimeout(method))))
        {
            // TryEnter without a timeout returns at once; with one it can wait.
            return Hit(method, "blocking wait for a monitor", BlockingKinds.Other);
        }

        return null;
    }

    public CatalogueHit? MatchProperty(IPropertySymbol property)
    {
        var declaring = property.ContainingType?.OriginalDefinition;
        return property.Name == "Result" && (Is(declaring, _taskOfT) || Is(declaring, _valueTaskOfT))
            ? new CatalogueHit(property.ContainingType!.Name + ".Result", TaskResultText, BlockingKinds.TaskResult)
            : null;
    }

    private bool HasTimeout(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (Is(parameter.Type as INamedTypeSymbol, _timeSpan) || (parameter.Type.SpecialType == SpecialType.System_Int32 && parameter.Name == "millisecondsTimeout"))
            {
                return true;
            }
        }

        return false;
    }

    private static CatalogueHit Hit(IMethodSymbol method, string description, string kind) =>
        new(method.ContainingType.Name + "." + method.Name, description, kind);

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? target) =>
        type is not null && target is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target);

    private static bool IsAny(INamedTypeSymbol type, INamedTypeSymbol?[] targets)
    {
        foreach (var target in targets)
        {
            if (Is(type, target))
            {
                return true;
            }
        }

        return false;
    }
}
