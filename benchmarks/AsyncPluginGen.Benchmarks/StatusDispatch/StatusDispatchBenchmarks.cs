using AsyncPluginGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AsyncPluginGen.Benchmarks.StatusDispatch;

/// <summary>The remote state's type and how many states it has.</summary>
public enum StateKind
{
    Enum4,
    Enum32,
    Enum128,
    String4,
    String32,
    String128,
}

/// <summary>
/// Group 1: one Status call, resource in hand to phase out. The generated Status through the typed interface the host
/// uses, against the same mapping as a hand-written switch called directly (the baseline), that switch as a plugin's own
/// Status reached through the typed interface, a Dictionary lookup, a reflection-based mapper, and the object-typed
/// <see cref="IAsyncPlugin"/> path. Each invocation maps <see cref="Calls"/> resources whose states come in a fixed
/// shuffled order, every state equally often, so the branch predictor cannot learn the sequence.
/// </summary>
[MemoryDiagnoser]
public class StatusDispatchBenchmarks
{
    public const int Calls = 1024;

    private StatusCase _case = null!;

    [ParamsSource(nameof(Kinds))]
    public StateKind Kind { get; set; }

    public static IEnumerable<StateKind> Kinds => BenchmarkMode.Pick(Enum.GetValues<StateKind>(), [StateKind.Enum4, StateKind.String32]);

    [GlobalSetup]
    public void Setup()
    {
        _case = Kind switch
        {
            StateKind.Enum4 => StatusCase<EnumJob4, Enum4Direct>.Create(
                new Enum4Plugin(), new Enum4HandPlugin(), new ReflectionMapper<EnumJob4>(typeof(Enum4Plugin)),
                Enum.GetValues<EnumState4>(), (state, error) => new EnumJob4("job", state, error)),
            StateKind.Enum32 => StatusCase<EnumJob32, Enum32Direct>.Create(
                new Enum32Plugin(), new Enum32HandPlugin(), new ReflectionMapper<EnumJob32>(typeof(Enum32Plugin)),
                Enum.GetValues<EnumState32>(), (state, error) => new EnumJob32("job", state, error)),
            StateKind.Enum128 => StatusCase<EnumJob128, Enum128Direct>.Create(
                new Enum128Plugin(), new Enum128HandPlugin(), new ReflectionMapper<EnumJob128>(typeof(Enum128Plugin)),
                Enum.GetValues<EnumState128>(), (state, error) => new EnumJob128("job", state, error)),
            StateKind.String4 => StatusCase<StringJob4, String4Direct>.Create(
                new String4Plugin(), new String4HandPlugin(), new ReflectionMapper<StringJob4>(typeof(String4Plugin)),
                StringStates(typeof(String4Plugin)), (string state, string? error) => new StringJob4("job", state, error)),
            StateKind.String32 => StatusCase<StringJob32, String32Direct>.Create(
                new String32Plugin(), new String32HandPlugin(), new ReflectionMapper<StringJob32>(typeof(String32Plugin)),
                StringStates(typeof(String32Plugin)), (string state, string? error) => new StringJob32("job", state, error)),
            StateKind.String128 => StatusCase<StringJob128, String128Direct>.Create(
                new String128Plugin(), new String128HandPlugin(), new ReflectionMapper<StringJob128>(typeof(String128Plugin)),
                StringStates(typeof(String128Plugin)), (string state, string? error) => new StringJob128("job", state, error)),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
        _case.Verify();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int PhysicalLimit() => _case.PhysicalLimit();

    [Benchmark(OperationsPerInvoke = Calls)]
    public int HandWrittenSwitch() => _case.HandWrittenDirect();

    [Benchmark(OperationsPerInvoke = Calls)]
    public int HandWrittenViaInterface() => _case.HandWritten();

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Generated() => _case.Generated();

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Dictionary() => _case.Dictionary();

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Reflection() => _case.Reflection();

    [Benchmark(OperationsPerInvoke = Calls)]
    public int ObjectTypedInterface() => _case.ObjectTyped();

    /// <summary>The mapped string states, as fresh strings: a deserialized response never hands back the literal instances.</summary>
    private static string[] StringStates(Type pluginType) =>
        MappingTables.ForStrings(pluginType).Keys.Select(s => new string(s.AsSpan())).ToArray();

    /// <summary>
    /// Direct, static calls, with no interface between the loop and the code measured: a struct type argument makes the
    /// JIT compile one copy of each loop per kind. The baselines get no call overhead the generated Status pays.
    /// </summary>
    private interface IDirectStatus<TResource>
    {
        static abstract PhaseInfo HandWritten(TResource resource);

        static abstract PhaseInfo PhysicalLimit(TResource resource);

        static abstract PhaseInfo Dictionary(TResource resource);
    }

    private readonly struct Enum4Direct : IDirectStatus<EnumJob4>
    {
        public static PhaseInfo HandWritten(EnumJob4 resource) => Enum4HandPlugin.Status(resource);

        public static PhaseInfo PhysicalLimit(EnumJob4 resource) => PhysicalLimits.Map(resource);

        public static PhaseInfo Dictionary(EnumJob4 resource) => DictionaryMaps.Map(resource);
    }

    private readonly struct Enum32Direct : IDirectStatus<EnumJob32>
    {
        public static PhaseInfo HandWritten(EnumJob32 resource) => Enum32HandPlugin.Status(resource);

        public static PhaseInfo PhysicalLimit(EnumJob32 resource) => PhysicalLimits.Map(resource);

        public static PhaseInfo Dictionary(EnumJob32 resource) => DictionaryMaps.Map(resource);
    }

    private readonly struct Enum128Direct : IDirectStatus<EnumJob128>
    {
        public static PhaseInfo HandWritten(EnumJob128 resource) => Enum128HandPlugin.Status(resource);

        public static PhaseInfo PhysicalLimit(EnumJob128 resource) => PhysicalLimits.Map(resource);

        public static PhaseInfo Dictionary(EnumJob128 resource) => DictionaryMaps.Map(resource);
    }

    private readonly struct String4Direct : IDirectStatus<StringJob4>
    {
        public static PhaseInfo HandWritten(StringJob4 resource) => String4HandPlugin.Status(resource);

        public static PhaseInfo PhysicalLimit(StringJob4 resource) => PhysicalLimits.Map(resource);

        public static PhaseInfo Dictionary(StringJob4 resource) => DictionaryMaps.Map(resource);
    }

    private readonly struct String32Direct : IDirectStatus<StringJob32>
    {
        public static PhaseInfo HandWritten(StringJob32 resource) => String32HandPlugin.Status(resource);

        public static PhaseInfo PhysicalLimit(StringJob32 resource) => PhysicalLimits.Map(resource);

        public static PhaseInfo Dictionary(StringJob32 resource) => DictionaryMaps.Map(resource);
    }

    private readonly struct String128Direct : IDirectStatus<StringJob128>
    {
        public static PhaseInfo HandWritten(StringJob128 resource) => String128HandPlugin.Status(resource);

        public static PhaseInfo PhysicalLimit(StringJob128 resource) => PhysicalLimits.Map(resource);

        public static PhaseInfo Dictionary(StringJob128 resource) => DictionaryMaps.Map(resource);
    }

    private abstract class StatusCase
    {
        public abstract int PhysicalLimit();

        public abstract int HandWrittenDirect();

        public abstract int HandWritten();

        public abstract int Generated();

        public abstract int Dictionary();

        public abstract int Reflection();

        public abstract int ObjectTyped();

        /// <summary>Every approach maps every resource to the same phase, or the comparison would be meaningless.</summary>
        public abstract void Verify();
    }

    /// <summary>
    /// One resource type's plugins and mappers. Each approach has its own loop, so each call site sees a single
    /// target type, as it does in a host.
    /// </summary>
    private sealed class StatusCase<TResource, TDirect> : StatusCase
        where TResource : class
        where TDirect : struct, IDirectStatus<TResource>
    {
        private readonly IAsyncPlugin<JobRef, TResource> _generated;
        private readonly IAsyncPlugin<JobRef, TResource> _handWritten;
        private readonly IStatusMapper<TResource> _reflection;
        private readonly IAsyncPlugin _objectTyped;
        private readonly TaskContext _task = new("bench", new TaskExecutionId("project", "development", "exec", "n0"));
        private readonly StatusContext<JobRef, TResource>[] _contexts;
        private readonly TResource[] _resources;
        private readonly object[] _objects;

        // Every result is stored whole, as the host stores it: summing only the phase would let the JIT drop the rest of
        // whatever it inlines (a failure's message, for one) and measure less than a Status does.
        private PhaseInfo _sink;

        public static StatusCase<TResource, TDirect> Create<TState>(
            IAsyncPlugin<JobRef, TResource> generated,
            IAsyncPlugin<JobRef, TResource> handWritten,
            IStatusMapper<TResource> reflection,
            IReadOnlyList<TState> states,
            Func<TState, string?, TResource> create) =>
            new(generated, handWritten, reflection, Sequence(states.Count).Select((s, i) => create(states[s], i % 4 == 0 ? "boom" : null)).ToArray());

        private StatusCase(
            IAsyncPlugin<JobRef, TResource> generated,
            IAsyncPlugin<JobRef, TResource> handWritten,
            IStatusMapper<TResource> reflection,
            TResource[] resources)
        {
            _generated = generated;
            _handWritten = handWritten;
            _reflection = reflection;
            _objectTyped = generated;
            _resources = resources;
            _objects = resources;
            _contexts = resources.Select(r => new StatusContext<JobRef, TResource>(_task, JobRef.Shared, r)).ToArray();
        }

        public override int PhysicalLimit()
        {
            var resources = _resources;
            var sum = 0;
            for (var i = 0; i < resources.Length; i++)
            {
                var phase = TDirect.PhysicalLimit(resources[i]);
                _sink = phase;
                sum += (int)phase.Phase;
            }

            return sum;
        }

        public override int HandWrittenDirect()
        {
            var resources = _resources;
            var sum = 0;
            for (var i = 0; i < resources.Length; i++)
            {
                var phase = TDirect.HandWritten(resources[i]);
                _sink = phase;
                sum += (int)phase.Phase;
            }

            return sum;
        }

        public override int HandWritten()
        {
            var plugin = _handWritten;
            var contexts = _contexts;
            var sum = 0;
            for (var i = 0; i < contexts.Length; i++)
            {
                var phase = plugin.Status(in contexts[i]);
                _sink = phase;
                sum += (int)phase.Phase;
            }

            return sum;
        }

        public override int Generated()
        {
            var plugin = _generated;
            var contexts = _contexts;
            var sum = 0;
            for (var i = 0; i < contexts.Length; i++)
            {
                var phase = plugin.Status(in contexts[i]);
                _sink = phase;
                sum += (int)phase.Phase;
            }

            return sum;
        }

        public override int Dictionary()
        {
            var resources = _resources;
            var sum = 0;
            for (var i = 0; i < resources.Length; i++)
            {
                var phase = TDirect.Dictionary(resources[i]);
                _sink = phase;
                sum += (int)phase.Phase;
            }

            return sum;
        }

        public override int Reflection()
        {
            var mapper = _reflection;
            var resources = _resources;
            var sum = 0;
            for (var i = 0; i < resources.Length; i++)
            {
                var phase = mapper.Map(resources[i]);
                _sink = phase;
                sum += (int)phase.Phase;
            }

            return sum;
        }

        public override int ObjectTyped()
        {
            var plugin = _objectTyped;
            var task = _task;
            object meta = JobRef.Shared;
            var resources = _objects;
            var sum = 0;
            for (var i = 0; i < resources.Length; i++)
            {
                var phase = plugin.Status(task, meta, resources[i]);
                _sink = phase;
                sum += (int)phase.Phase;
            }

            return sum;
        }

        public override void Verify()
        {
            for (var i = 0; i < _resources.Length; i++)
            {
                var expected = _generated.Status(in _contexts[i]);
                var actual = new[]
                {
                    ("physical limit", TDirect.PhysicalLimit(_resources[i])),
                    ("hand-written switch", TDirect.HandWritten(_resources[i])),
                    ("hand-written Status", _handWritten.Status(in _contexts[i])),
                    ("dictionary", TDirect.Dictionary(_resources[i])),
                    ("reflection", _reflection.Map(_resources[i])),
                    ("object-typed", _objectTyped.Status(_task, JobRef.Shared, _objects[i])),
                };
                foreach (var (name, phase) in actual)
                {
                    if (phase != expected)
                    {
                        throw new InvalidOperationException($"The {name} mapping gives {phase} for {_resources[i]}, the generated Status {expected}.");
                    }
                }

                if (expected.Error?.Code == "UnmappedState")
                {
                    throw new InvalidOperationException($"{_resources[i]} is unmapped: the benchmark must only use mapped states.");
                }
            }
        }

        /// <summary><see cref="Calls"/> state indexes, every state as often as the others, in a fixed shuffled order.</summary>
        private static int[] Sequence(int states)
        {
            var sequence = Enumerable.Range(0, Calls).Select(i => i % states).ToArray();
            new Random(42).Shuffle(sequence);
            return sequence;
        }
    }
}
