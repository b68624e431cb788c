namespace AsyncPluginGen.Benchmarks.StatusDispatch;

/// <summary>
/// The physical limit, written by hand as issue 14 defines it: for an enum a dense array indexed by <c>(int)state</c>;
/// for a string a switch on the length and a distinguishing character and one <c>string.Equals</c>, then the same
/// array of precomputed phases. Only a failure that carries the resource's message is built. Called directly (no
/// interface), so the JIT may inline all of it.
/// </summary>
internal static class PhysicalLimits
{
    private static readonly Table Enum4 = Table.ForEnum<EnumState4>();
    private static readonly Table Enum32 = Table.ForEnum<EnumState32>();
    private static readonly Table Enum128 = Table.ForEnum<EnumState128>();
    private static readonly Table String4 = Table.ForStrings(typeof(String4Plugin), LengthCharSwitches.String4States);
    private static readonly Table String32 = Table.ForStrings(typeof(String32Plugin), LengthCharSwitches.String32States);
    private static readonly Table String128 = Table.ForStrings(typeof(String128Plugin), LengthCharSwitches.String128States);

    public static PhaseInfo Map(EnumJob4 resource) => Enum4.Lookup((int)resource.State, resource.Error);

    public static PhaseInfo Map(EnumJob32 resource) => Enum32.Lookup((int)resource.State, resource.Error);

    public static PhaseInfo Map(EnumJob128 resource) => Enum128.Lookup((int)resource.State, resource.Error);

    public static PhaseInfo Map(StringJob4 resource) => String4.Lookup(LengthCharSwitches.String4(resource.State), resource.Error);

    public static PhaseInfo Map(StringJob32 resource) => String32.Lookup(LengthCharSwitches.String32(resource.State), resource.Error);

    public static PhaseInfo Map(StringJob128 resource) => String128.Lookup(LengthCharSwitches.String128(resource.State), resource.Error);

    /// <summary>Each state's phase with its fallback message, by the state's index.</summary>
    private sealed class Table(PhaseInfo[] phases)
    {
        public static Table ForEnum<TState>()
            where TState : struct, Enum
        {
            // The benchmark enums number their members from 0 without gaps.
            var byValue = MappingTables.ForEnum<TState>().OrderBy(pair => Convert.ToInt32(pair.Key, System.Globalization.CultureInfo.InvariantCulture));
            return new(byValue.Select(pair => pair.Value.ToPhaseInfo(null)).ToArray());
        }

        public static Table ForStrings(Type pluginType, string[] states)
        {
            var mappings = MappingTables.ForStrings(pluginType);
            return new(states.Select(s => mappings[s].ToPhaseInfo(null)).ToArray());
        }

        /// <summary>One bounds-checked load; a failure with a message is the one phase that must be built.</summary>
        public PhaseInfo Lookup(int index, string? message)
        {
            var table = phases;
            if ((uint)index >= (uint)table.Length)
            {
                return StateMapping.Unmapped;
            }

            ref readonly var phase = ref table[index];
            if (phase.Error is not { } error || string.IsNullOrEmpty(message))
            {
                return phase;
            }

            return PhaseInfo.Failed(phase.Phase, new ExecutionError(error.Code, message, error.Kind), cleanupOnFailure: phase.CleanupOnFailure);
        }
    }
}
