using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AsyncPluginGen.Analyzers.HotPath;

// One file on purpose (about 450 lines): the walk of one body, from an operation to what a call reaches (catalogues,
// helper summaries, implementations, delegates). Every step reads and writes the same walk state (remaining depth,
// lowest recursion cut, sink); split in two, each half would pass that state back and forth. What can stand alone
// already does: the catalogues, MethodBodies, SourceImplementations, DelegateTargets, SummaryCache.

/// <summary>
/// Walks one body (Status's, or a helper's) and hands every network call, blocking call and allocation it reaches to
/// a sink: directly, or through a callee's memoized summary. Lambdas are walked in place (they run as part of their
/// method); local functions are walked where they are called, so that the chain names them. Code under
/// <c>throw</c> is the failure path: it is checked for I/O but not for allocations.
/// </summary>
internal sealed class HotPathWalker
{
    private readonly AnalysisSession _session;
    private readonly IMethodSymbol _owner;
    private readonly int _remaining;
    private readonly FindingSink _sink;
    private int _visited;

    /// <param name="session">The Status analysis this walk belongs to.</param>
    /// <param name="owner">The method whose body is walked; names callees relative to its type.</param>
    /// <param name="remaining">How many more levels of callees may be looked into.</param>
    /// <param name="sink">Receives the findings.</param>
    public HotPathWalker(AnalysisSession session, IMethodSymbol owner, int remaining, FindingSink sink)
    {
        _session = session;
        _owner = owner;
        _remaining = remaining;
        _sink = sink;
    }

    /// <summary>See <see cref="SummaryCache.Get"/>.</summary>
    public int LowestCut { get; private set; } = int.MaxValue;

    /// <summary>Whether a callee was left unexamined because the depth or the body budget ran out.</summary>
    public bool DepthLimited { get; private set; }

    private HotPathCompilation State => _session.Compilation;

    private SummaryCache Cache => _session.Cache;

    public void Walk(IOperation root) => Walk(root, cold: false);

    private void Walk(IOperation root, bool cold)
    {
        // Iterative, so that a 5,000-term string concatenation cannot overflow the stack.
        var pending = new Stack<(IOperation Operation, bool Cold)>();
        pending.Push((root, cold));
        while (pending.Count > 0)
        {
            var (operation, isCold) = pending.Pop();
            if ((++_visited & 0xFF) == 0)
            {
                _session.CancellationToken.ThrowIfCancellationRequested();
            }

            // Dispatch on Kind (an integer switch), not on interface type tests: this runs for every operation.
            switch (operation.Kind)
            {
                case OperationKind.LocalFunction:
                case OperationKind.NameOf:
                    // Local functions run where they are called; nameof evaluates nothing.
                    continue;
                case OperationKind.Lock:
                    WalkLock((ILockOperation)operation, isCold);
                    continue;
                case OperationKind.Throw:
                    isCold = true;
                    break;
            }

            if (operation.ConstantValue.HasValue)
            {
                // Constants (including constant interpolations and concatenations) are computed by the compiler.
                continue;
            }

            Visit(operation, isCold);
            foreach (var child in operation.ChildOperations.Reverse())
            {
                pending.Push((child, isCold));
            }
        }
    }

    private void WalkLock(ILockOperation lockOperation, bool cold)
    {
        Walk(lockOperation.LockedValue, cold);
        var before = _sink.InputOutputCount;
        Walk(lockOperation.Body, cold);
        if (_sink.InputOutputCount > before && lockOperation.Syntax is LockStatementSyntax syntax)
        {
            // Every other poll thread queues behind the lock while the I/O runs.
            Add(Finding.Direct(HotPathRule.Blocking, "lock", "lock held during I/O", BlockingKinds.Lock), syntax, syntax.LockKeyword.GetLocation());
        }
    }

    private void Visit(IOperation operation, bool cold)
    {
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                VisitInvocation((IInvocationOperation)operation, cold);
                break;
            case OperationKind.PropertyReference:
                VisitProperty((IPropertyReferenceOperation)operation, cold);
                break;
            case OperationKind.ObjectCreation:
                VisitCreation((IObjectCreationOperation)operation, cold);
                break;
            case OperationKind.MethodReference when operation.Parent?.Kind == OperationKind.DelegateCreation:
                // A method group handed out as a delegate will run: treat it as a call.
                var reference = (IMethodReferenceOperation)operation;
                if (!Cache.AllowList.IsAllowed(reference.Method))
                {
                    VisitCall(reference.Method, SymbolFacts.TypeOf(reference.Instance), null, reference.Syntax, reference.IsVirtual, cold);
                }

                break;
            case OperationKind.DelegateCreation when !cold:
                Allocation(AllocationClassifier.DelegateCreation((IDelegateCreationOperation)operation), operation.Syntax, cold);
                break;
            case OperationKind.AnonymousFunction when !cold:
                Allocation(AllocationClassifier.AnonymousFunction((IAnonymousFunctionOperation)operation), operation.Syntax, cold);
                break;
            case OperationKind.AnonymousObjectCreation when !cold:
                Allocation(AllocationClassifier.AnonymousObject(), operation.Syntax, cold);
                break;
            case OperationKind.TypeParameterObjectCreation when !cold:
                Allocation(AllocationClassifier.TypeParameterCreation((ITypeParameterObjectCreationOperation)operation), operation.Syntax, cold);
                break;
            case OperationKind.With when !cold:
                Allocation(AllocationClassifier.With((IWithOperation)operation), operation.Syntax, cold);
                break;
            case OperationKind.ArrayCreation when !cold:
                VisitArray((IArrayCreationOperation)operation, cold);
                break;
            case OperationKind.Conversion:
                var conversion = (IConversionOperation)operation;
                if (!cold)
                {
                    Allocation(AllocationClassifier.Boxing(conversion), conversion.Operand.Syntax, cold);
                }

                VisitOperator(conversion.OperatorMethod, conversion.Syntax, cold);
                break;
            case OperationKind.BinaryOperator:
                var binary = (IBinaryOperation)operation;
                if (!cold)
                {
                    Allocation(AllocationClassifier.Binary(binary), binary.Syntax, cold);
                }

                VisitOperator(binary.OperatorMethod, binary.Syntax, cold);
                break;
            case OperationKind.UnaryOperator:
                var unary = (IUnaryOperation)operation;
                VisitOperator(unary.OperatorMethod, unary.Syntax, cold);
                break;
            case OperationKind.CompoundAssignment:
                var compound = (ICompoundAssignmentOperation)operation;
                if (!cold)
                {
                    Allocation(AllocationClassifier.CompoundAssignment(compound), compound.Syntax, cold);
                }

                VisitOperator(compound.OperatorMethod, compound.Syntax, cold);
                break;
            case OperationKind.InterpolatedString when !cold:
                Allocation(AllocationClassifier.InterpolatedString((IInterpolatedStringOperation)operation), operation.Syntax, cold);
                break;
            case OperationKind.Loop when !cold && operation is IForEachLoopOperation loop:
                Allocation(State.Allocation.ForEach(loop), loop.Collection.Syntax, cold);
                break;
            default:
                // Collection expressions have no operation interface in the Roslyn version we compile against.
                if (!cold && operation.Syntax is CollectionExpressionSyntax)
                {
                    Allocation(State.Allocation.CollectionExpression(operation), operation.Syntax, cold);
                }

                break;
        }
    }

    private void VisitInvocation(IInvocationOperation invocation, bool cold)
    {
        var method = invocation.TargetMethod;
        if (Cache.AllowList.IsAllowed(method))
        {
            return;
        }

        Allocation(State.Allocation.Invocation(invocation), invocation.Syntax, cold);
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            VisitDelegateInvocation(invocation, cold);
            return;
        }

        ITypeSymbol? thisArgument = null;
        if (method.IsExtensionMethod && invocation.Instance is null)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    thisArgument = SymbolFacts.TypeOf(argument.Value);
                }
            }
        }

        VisitCall(method, SymbolFacts.TypeOf(invocation.Instance), thisArgument, invocation.Syntax, invocation.IsVirtual, cold);
    }

    private void VisitProperty(IPropertyReferenceOperation reference, bool cold)
    {
        var property = reference.Property;
        var (reads, writes) = Usage(reference);
        var receiver = SymbolFacts.TypeOf(reference.Instance);
        var isVirtual = reference.Instance is not null && reference.Instance.Syntax is not BaseExpressionSyntax;
        if (reads && property.GetMethod is { } getter && !Cache.AllowList.IsAllowed(getter))
        {
            if (State.Blocking.MatchProperty(property) is { } blocking)
            {
                Add(Finding.Direct(HotPathRule.Blocking, blocking.Leaf, blocking.Description, blocking.Kind), reference.Syntax);
            }
            else
            {
                VisitCall(getter, receiver, null, reference.Syntax, isVirtual, cold);
            }
        }

        if (writes && property.SetMethod is { } setter && !Cache.AllowList.IsAllowed(setter))
        {
            VisitCall(setter, receiver, null, reference.Syntax, isVirtual, cold);
        }
    }

    private void VisitCreation(IObjectCreationOperation creation, bool cold)
    {
        if (creation.Constructor is { } constructor)
        {
            if (Cache.AllowList.IsAllowed(constructor))
            {
                return;
            }

            VisitCall(constructor, null, null, creation.Syntax, isVirtualDispatch: false, cold);
        }

        Allocation(AllocationClassifier.ObjectCreation(creation), creation.Syntax, cold);
    }

    private void VisitArray(IArrayCreationOperation array, bool cold)
    {
        if (!array.IsImplicit)
        {
            Allocation(AllocationClassifier.ArrayCreation(array), array.Syntax, cold);
            return;
        }

        if (array.Parent?.Parent is IInvocationOperation invocation && State.Allocation.CoversParamsArray(invocation))
        {
            // string.Format(...) and LINQ calls are reported as such; their params array is part of that.
            return;
        }

        if (AllocationClassifier.ArrayCreation(array) is { } hit && array.Initializer is { ElementValues: { Length: > 0 } elements })
        {
            // The implicit array's syntax is the whole call; point at the arguments that fill it instead.
            var first = elements[0].Syntax;
            var last = elements[elements.Length - 1].Syntax;
            var location = first.SyntaxTree == last.SyntaxTree && first.SpanStart <= last.Span.End
                ? Location.Create(first.SyntaxTree, TextSpan.FromBounds(first.SpanStart, last.Span.End))
                : null;
            Allocation(hit, array.Syntax, cold, location);
        }
    }

    private void VisitOperator(IMethodSymbol? userDefined, SyntaxNode site, bool cold)
    {
        // A user-defined operator or conversion is a call like any other.
        if (userDefined is not null && !Cache.AllowList.IsAllowed(userDefined))
        {
            VisitCall(userDefined, null, null, site, isVirtualDispatch: false, cold);
        }
    }

    /// <summary>
    /// Checks one call against the catalogues, then follows it into source: its own body, and for a call that dispatches,
    /// the overrides and implementations this compilation declares. What may still run unseen is reported in strict mode.
    /// </summary>
    private void VisitCall(IMethodSymbol method, ITypeSymbol? receiver, ITypeSymbol? thisArgument, SyntaxNode site, bool isVirtualDispatch, bool cold)
    {
        if (State.Network.Match(method, receiver, thisArgument, Cache.Options.SqliteIsInProcess) is { } network)
        {
            Add(Finding.Direct(HotPathRule.Network, network.Leaf, network.Description), site);
            return;
        }

        if (State.Blocking.MatchMethod(method) is { } blocking)
        {
            Add(Finding.Direct(HotPathRule.Blocking, blocking.Leaf, blocking.Description, blocking.Kind), site);
            return;
        }

        var followed = MethodBodies.Followable(method);
        if (followed is not null)
        {
            Follow(followed, ChainNames.Callee(method, _owner), site, cold);
        }

        if (!UnknownCalls.Dispatches(method, receiver, isVirtualDispatch))
        {
            if (followed is null)
            {
                ReportUnknown(method, receiver, isVirtualDispatch, site);
            }

            return;
        }

        // Even a benign library abstraction is followed into the implementations written here: they are this code.
        var implementations = State.Implementations.Of(method);
        foreach (var implementation in implementations)
        {
            if (SourceImplementations.MayRunFor(implementation, receiver)
                && !Cache.AllowList.IsAllowed(implementation) && MethodBodies.Followable(implementation) is { } body
                && !SymbolEqualityComparer.Default.Equals(body, followed))
            {
                Follow(body, ChainNames.Callee(implementation, _owner), site, cold);
            }
        }

        // Known when the member is this compilation's and something here implements it; a library's member, or one
        // nothing here implements, may run code the walk cannot see.
        if (!UnknownCalls.IsDeclaredHere(method) || (followed is null && implementations.IsEmpty))
        {
            ReportUnknown(method, receiver, isVirtualDispatch, site);
        }
    }

    /// <summary>A delegate invocation: follows what the delegate holds when the source says, else it is unknown.</summary>
    private void VisitDelegateInvocation(IInvocationOperation invocation, bool cold)
    {
        var target = State.Delegates.Resolve(invocation.Instance, _session.CancellationToken);
        if (ReferenceEquals(target, DelegateTarget.InPlace))
        {
            return; // Its lambda was walked, or its method group followed, where the delegate was made.
        }

        if (target.Method is { } reference)
        {
            if (!Cache.AllowList.IsAllowed(reference.Method))
            {
                VisitCall(reference.Method, SymbolFacts.TypeOf(reference.Instance), null, invocation.Syntax, reference.IsVirtual, cold);
            }

            return;
        }

        if (target is { Lambda: { } lambda, Body: { } body })
        {
            Follow(lambda, ChainNames.Delegate(invocation.Instance, _owner), invocation.Syntax, cold, body);
            return;
        }

        ReportUnknown(invocation.TargetMethod, SymbolFacts.TypeOf(invocation.Instance), isVirtualDispatch: true, invocation.Syntax);
    }

    /// <summary>Adds what <paramref name="callee"/> reaches, as seen through the call at <paramref name="site"/>.</summary>
    private void Follow(IMethodSymbol callee, string name, SyntaxNode site, bool cold, IOperation? body = null)
    {
        if (_remaining <= 0)
        {
            DepthLimited = true;
            Add(Finding.Stopped(name, StopKinds.Depth), site);
            return;
        }

        var summary = Cache.Get(callee, _remaining - 1, _session, out var cut, body);
        LowestCut = Math.Min(LowestCut, cut);
        DepthLimited |= summary.DepthLimited;
        if (!summary.IsEmpty)
        {
            AddThrough(summary.Network, name, site);
            AddThrough(summary.Blocking, name, site);
            AddThrough(summary.Unchecked, name, site);
            AddThrough(summary.Stopped, name, site);
            if (!cold)
            {
                AddThrough(summary.Allocation, name, site);
            }
        }
    }

    /// <summary>Strict mode: a call whose target cannot be checked, unless the BCL's own member is known to do no I/O.</summary>
    private void ReportUnknown(IMethodSymbol method, ITypeSymbol? receiver, bool isVirtualDispatch, SyntaxNode site)
    {
        if (Cache.Options.UnknownCalls == UnknownCallMode.Pessimistic && !State.Benign.Contains(method)
            && UnknownCalls.Describe(method, receiver, isVirtualDispatch) is { } why)
        {
            Add(new Finding(HotPathRule.Unchecked, CallChain.Leaf(ChainNames.Member(method)), why, ChainNames.Qualified(method)), site);
        }
    }

    private void AddThrough(Finding? finding, string callee, SyntaxNode site)
    {
        if (finding is not null)
        {
            Add(finding.Through(callee), site);
        }
    }

    private void Allocation(CatalogueHit? hit, SyntaxNode site, bool cold, Location? location = null)
    {
        if (hit is { } allocation && !cold)
        {
            Add(Finding.Direct(HotPathRule.Allocation, allocation.Leaf, allocation.Description), site, location);
        }
    }

    private void Add(Finding finding, SyntaxNode site, Location? location = null) => _sink.Add(finding, site, location);

    /// <summary>Which accessors a property reference runs: the getter, the setter, or both (<c>x.P += 1</c>).</summary>
    private static (bool Reads, bool Writes) Usage(IPropertyReferenceOperation reference)
    {
        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                return (false, true);
            case ICompoundAssignmentOperation compound when compound.Target == reference:
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
            case IIncrementOrDecrementOperation:
                return (true, true);
            default:
                return (true, false);
        }
    }
}
