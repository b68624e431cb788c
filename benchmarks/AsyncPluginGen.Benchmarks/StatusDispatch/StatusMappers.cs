using System.Reflection;

namespace AsyncPluginGen.Benchmarks.StatusDispatch;

/// <summary>Maps a resource to a phase without a generator: the alternatives the Status benchmarks compare against.</summary>
/// <typeparam name="TResource">The resource type.</typeparam>
internal interface IStatusMapper<TResource>
{
    PhaseInfo Map(TResource resource);
}

/// <summary>What a table-driven mapper keeps per state: the phase and its options, as the mapping attributes give them.</summary>
internal sealed class StateMapping
{
    private readonly TaskPhase _phase;
    private readonly string _reason;
    private readonly string _code;
    private readonly ExecutionErrorKind _kind;
    private readonly bool _cleanup;

    public StateMapping(PhaseMappingOptions options, string stateName)
    {
        _phase = options.Phase;
        _reason = options.Reason ?? stateName;
        _code = options.Code ?? stateName;
        _kind = options.Kind;
        _cleanup = options.Cleanup;
    }

    /// <summary>The unmapped-state failure, as the generated code reports it (the benchmarks never hit it).</summary>
    public static PhaseInfo Unmapped => PhaseInfo.SystemFailure("UnmappedState", "unmapped state");

    public PhaseInfo ToPhaseInfo(string? message) => _phase switch
    {
        TaskPhase.PermanentFailure or TaskPhase.RetryableFailure =>
            PhaseInfo.Failed(_phase, new ExecutionError(_code, string.IsNullOrEmpty(message) ? _reason : message, _kind), cleanupOnFailure: _cleanup),
        TaskPhase.NotReady => PhaseInfo.NotReady(_reason),
        TaskPhase.WaitingForResources => PhaseInfo.WaitingForResources(_reason),
        TaskPhase.Queued => PhaseInfo.Queued(_reason),
        TaskPhase.Initializing => PhaseInfo.Initializing(_reason),
        TaskPhase.Running => PhaseInfo.Running(_reason),
        TaskPhase.Success => PhaseInfo.Success(_reason),
        TaskPhase.WaitingForCache => PhaseInfo.WaitingForCache(_reason),
        TaskPhase.Aborted => PhaseInfo.Aborted(_reason),
        _ => PhaseInfo.Undefined,
    };
}

/// <summary>Reads the mapping attributes into tables. Done once, before measuring: only the per-call cost is compared.</summary>
internal static class MappingTables
{
    public static Dictionary<TState, StateMapping> ForEnum<TState>()
        where TState : struct, Enum =>
        typeof(TState).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.GetCustomAttribute<PhaseAttribute>() is not null)
            .ToDictionary(f => (TState)f.GetValue(null)!, f => new StateMapping(f.GetCustomAttribute<PhaseAttribute>()!, f.Name));

    public static Dictionary<string, StateMapping> ForStrings(Type pluginType) =>
        pluginType.GetCustomAttributes<PhaseMappingAttribute>()
            .ToDictionary(a => a.State, a => new StateMapping(a, a.State), StringComparer.Ordinal);
}

/// <summary>
/// A Dictionary lookup written by hand: typed state and message reads, a typed table (no boxing), then the phase built
/// from the table entry.
/// </summary>
internal static class DictionaryMaps
{
    private static readonly Dictionary<EnumState4, StateMapping> _enum4 = MappingTables.ForEnum<EnumState4>();
    private static readonly Dictionary<EnumState32, StateMapping> _enum32 = MappingTables.ForEnum<EnumState32>();
    private static readonly Dictionary<EnumState128, StateMapping> _enum128 = MappingTables.ForEnum<EnumState128>();
    private static readonly Dictionary<string, StateMapping> _string4 = MappingTables.ForStrings(typeof(String4Plugin));
    private static readonly Dictionary<string, StateMapping> _string32 = MappingTables.ForStrings(typeof(String32Plugin));
    private static readonly Dictionary<string, StateMapping> _string128 = MappingTables.ForStrings(typeof(String128Plugin));

    public static PhaseInfo Map(EnumJob4 resource) =>
        _enum4.TryGetValue(resource.State, out var mapping) ? mapping.ToPhaseInfo(resource.Error) : StateMapping.Unmapped;

    public static PhaseInfo Map(EnumJob32 resource) =>
        _enum32.TryGetValue(resource.State, out var mapping) ? mapping.ToPhaseInfo(resource.Error) : StateMapping.Unmapped;

    public static PhaseInfo Map(EnumJob128 resource) =>
        _enum128.TryGetValue(resource.State, out var mapping) ? mapping.ToPhaseInfo(resource.Error) : StateMapping.Unmapped;

    public static PhaseInfo Map(StringJob128 resource) =>
        resource.State is { } state && _string128.TryGetValue(state, out var mapping) ? mapping.ToPhaseInfo(resource.Error) : StateMapping.Unmapped;

    public static PhaseInfo Map(StringJob4 resource) =>
        resource.State is { } state && _string4.TryGetValue(state, out var mapping) ? mapping.ToPhaseInfo(resource.Error) : StateMapping.Unmapped;

    public static PhaseInfo Map(StringJob32 resource) =>
        resource.State is { } state && _string32.TryGetValue(state, out var mapping) ? mapping.ToPhaseInfo(resource.Error) : StateMapping.Unmapped;
}

/// <summary>
/// What a framework without a generator does: find the [PhaseSource] and [PhaseMessage] members and read the mapping
/// attributes by reflection once, then read the state and the message through <see cref="PropertyInfo.GetValue(object?)"/>
/// on every call (the state is boxed) and look the boxed state up.
/// </summary>
/// <typeparam name="TResource">The resource type.</typeparam>
internal sealed class ReflectionMapper<TResource> : IStatusMapper<TResource>
    where TResource : class
{
    private readonly PropertyInfo _source;
    private readonly PropertyInfo? _message;
    private static readonly Dictionary<object, StateMapping> _table = [];

    public ReflectionMapper(Type pluginType)
    {
        var properties = typeof(TResource).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        _source = properties.Single(p => p.GetCustomAttribute<PhaseSourceAttribute>() is not null);
        _message = properties.SingleOrDefault(p => p.GetCustomAttribute<PhaseMessageAttribute>() is not null);
        if (_source.PropertyType.IsEnum)
        {
            foreach (var field in _source.PropertyType.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetCustomAttribute<PhaseAttribute>() is { } phase)
                {
                    _table[field.GetValue(null)!] = new StateMapping(phase, field.Name);
                }
            }
        }
        else
        {
            foreach (var mapping in pluginType.GetCustomAttributes<PhaseMappingAttribute>())
            {
                _table[mapping.State] = new StateMapping(mapping, mapping.State);
            }
        }
    }

    public PhaseInfo Map(TResource resource)
    {
        var state = _source.GetValue(resource);
        var message = (string?)_message?.GetValue(resource);
        return state is not null && _table.TryGetValue(state, out var mapping) ? mapping.ToPhaseInfo(message) : StateMapping.Unmapped;
    }
}
