using System.Composition;
using System.Composition.Hosting;
using AsyncPluginGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AsyncPluginGen.Benchmarks.Registration;

/// <summary>
/// Group 2, steady state: finding the plugin for a task type once everything is built. The generated registry's
/// task-type <see langword="switch"/> and the <see cref="PluginCatalog"/> the host uses (a dictionary over the generated
/// registries), against a hand-written Dictionary (the baseline), MEF (System.Composition) by contract name, and the
/// catalog a reflection scan ends with (the same dictionary lookup as the generated catalog's: reflection costs at
/// start-up, not here). Each invocation looks up <see cref="Lookups"/> task types that arrive as fresh
/// strings, in a shuffled order.
/// </summary>
[MemoryDiagnoser]
public class RegistryLookupBenchmarks
{
    public const int Lookups = 1024;

    private string[] _taskTypes = [];
    private Dictionary<string, Func<IPlugin>> _manual = [];
    private IPluginRegistry _generated = null!;
    private PluginCatalog _catalog = null!;
    private CompositionHost _mef = null!;
    private PluginCatalog _scanned = null!;

    [ParamsSource(nameof(Sizes))]
    public int Plugins { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkMode.Pick([10, 100, 1_000], [100]);

    [GlobalSetup]
    public void Setup()
    {
        var synthetic = SyntheticPluginAssembly.Get(Plugins);
        var (_, assembly) = synthetic.Load(collectible: false);
        _manual = SyntheticPluginAssembly.ManualRegistry(assembly)();
        _generated = synthetic.Registry(assembly);
        _catalog = new PluginCatalog([_generated]);
        _mef = new ContainerConfiguration().WithAssembly(assembly).CreateContainer();
        _scanned = SyntheticPluginAssembly.Scan(assembly);

        var known = synthetic.TaskTypes.ToArray();
        _taskTypes = Enumerable.Range(0, Lookups).Select(i => new string(known[i % known.Length].AsSpan())).ToArray();
        new Random(42).Shuffle(_taskTypes);

        // Every approach finds every task type, and the same plugin class for it.
        foreach (var taskType in known)
        {
            var type = _manual[taskType]().GetType();
            if (_generated.TryGetDescriptor(taskType, out var d) is false || d.PluginType != type
                || _catalog.GetDescriptor(taskType).PluginType != type
                || _mef.GetExport<IPlugin>(taskType).GetType() != type
                || _scanned.GetDescriptor(taskType).PluginType != type)
            {
                throw new InvalidOperationException($"The approaches disagree on task type '{taskType}'.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _mef.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    public int Dictionary()
    {
        var found = 0;
        foreach (var taskType in _taskTypes)
        {
            found += _manual.TryGetValue(taskType, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int GeneratedRegistry()
    {
        var found = 0;
        foreach (var taskType in _taskTypes)
        {
            found += _generated.TryGetDescriptor(taskType, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int GeneratedCatalog()
    {
        var found = 0;
        foreach (var taskType in _taskTypes)
        {
            found += _catalog.TryGetDescriptor(taskType, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int Mef()
    {
        var found = 0;
        foreach (var taskType in _taskTypes)
        {
            found += _mef.TryGetExport<IPlugin>(taskType, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int ReflectionScan()
    {
        var found = 0;
        foreach (var taskType in _taskTypes)
        {
            found += _scanned.TryGetDescriptor(taskType, out _) ? 1 : 0;
        }

        return found;
    }
}
