using System.Composition.Hosting;
using System.Reflection;
using AsyncPluginGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AsyncPluginGen.Benchmarks.Registration;

/// <summary>
/// Group 2, cold start-up: from a plugin assembly just loaded (into a fresh load context each time, so type loading,
/// static initialisers and the JIT of its code are included, as at an application's start) to the first plugin
/// instance for a task type. Generated: the registry's descriptors and a <see cref="PluginCatalog"/>, then the
/// descriptor's factory. Against a hand-written Dictionary of factories (the baseline), MEF (container built from the
/// assembly, then an export by contract name), and reflection scanning (every type's attributes read into the same
/// descriptors and configuration the generator emits, with <see cref="Activator"/> as the factory). Loading the image
/// itself is outside the measurement; finding each approach's entry point by name (a few microseconds, the same for
/// all) is inside.
/// <para>
/// Each iteration's context is not collectible (issue 14): the runtime does not tier code in collectible contexts, so
/// every method there is compiled fully optimized (the JIT's events say so: "Optimized" there, "QuickJitted" in a
/// context that is not), which an application loading its plugins never sees and which weighs on whichever approach
/// runs more methods. Runs before issue 14's last part used collectible contexts. An iteration leaks its context; a
/// benchmark case runs about fifteen in its own process.
/// </para>
/// </summary>
[MemoryDiagnoser]
[HeavyJob(warmupCount: 3)]
public class RegistryColdStartBenchmarks
{
    private SyntheticPluginAssembly _synthetic = null!;
    private Assembly _assembly = null!;
    private string _taskType = string.Empty;

    [ParamsSource(nameof(Sizes))]
    public int Plugins { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkMode.Pick([10, 100, 1_000], [100]);

    [GlobalSetup]
    public void Setup()
    {
        _synthetic = SyntheticPluginAssembly.Get(Plugins);
        _taskType = SyntheticSources.TaskType(Plugins / 2);
    }

    [IterationSetup]
    public void Load() => (_, _assembly) = _synthetic.Load(collectible: false);

    [Benchmark(Baseline = true)]
    public IPlugin Dictionary() => SyntheticPluginAssembly.ManualRegistry(_assembly)()[_taskType]();

    [Benchmark]
    public IPlugin Generated() => new PluginCatalog([_synthetic.Registry(_assembly)]).GetDescriptor(_taskType).CreatePlugin(NoServices.Instance);

    [Benchmark]
    public IPlugin Mef()
    {
        using var container = new ContainerConfiguration().WithAssembly(_assembly).CreateContainer();
        return container.GetExport<IPlugin>(_taskType);
    }

    [Benchmark]
    public IPlugin ReflectionScan() => SyntheticPluginAssembly.Scan(_assembly).GetDescriptor(_taskType).CreatePlugin(NoServices.Instance);
}
