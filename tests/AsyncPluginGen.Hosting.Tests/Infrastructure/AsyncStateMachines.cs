namespace AsyncPluginGen.Hosting.Tests.Infrastructure;

/// <summary>What an async method's state machine costs when it completes at once: the allowance of allocation tests.</summary>
internal static class AsyncStateMachines
{
    /// <summary>
    /// The bytes of one instance of <paramref name="owner"/>'s state machine for <paramref name="method"/>: 0 in an
    /// optimized build, where it is a struct (boxed only when the method suspends); a class in a Debug build.
    /// </summary>
    public static long Bytes(Type owner, string method, params Type[] typeArguments)
    {
        var stateMachine = owner.GetNestedTypes(System.Reflection.BindingFlags.NonPublic)
            .Single(t => t.Name.StartsWith($"<{method}>", StringComparison.Ordinal));
        if (stateMachine.IsGenericTypeDefinition)
        {
            stateMachine = stateMachine.MakeGenericType(typeArguments);
        }

        if (stateMachine.IsValueType)
        {
            return 0;
        }

        System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(stateMachine);
        var before = GC.GetAllocatedBytesForCurrentThread();
        System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(stateMachine);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
