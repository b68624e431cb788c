using AsyncPluginGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AsyncPluginGen.Benchmarks.Host;

/// <summary>
/// Group 5, memory: 100,000 and 1,000,000 tasks in flight at once. One operation submits every task and returns when all
/// of them run (created, Status seen, waiting for the next poll). The plugins hand back one shared meta and resource, and
/// the task contexts are made beforehand, so the Retained/task column (heap growth per task while the tasks are in
/// flight) is the bookkeeping of the host, or of the naive loops (the baseline: an async method, a Task.Delay and its
/// timer per task). Time/task and Alloc/task are the cost of getting a task running.
/// </summary>
[MemoryDiagnoser]
[HeavyJob]
public class HostMemoryBenchmarks
{
    private static readonly TimeSpan NaiveResync = TimeSpan.FromHours(1);

    private TaskContext[] _tasks = [];
    private HostHarness? _host;
    private NaiveHarness? _naive;
    private long _before;

    [ParamsSource(nameof(Sizes))]
    public int Tasks { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkMode.Pick([100_000, 1_000_000], [100_000]);

    [GlobalSetup]
    public void Setup() => _tasks = HostTasks.Create(Tasks);

    [IterationSetup(Target = nameof(NaiveLoops))]
    public void SetupNaive()
    {
        _naive = new NaiveHarness(NaiveResync);
        _before = RetainedMemory.Measure();
    }

    [IterationSetup(Target = nameof(PluginHost))]
    public void SetupHost()
    {
        _host = new HostHarness();
        _before = RetainedMemory.Measure();
    }

    [Benchmark(Baseline = true)]
    public void NaiveLoops() => _naive!.Start(_tasks);

    [Benchmark]
    public void PluginHost() => _host!.SubmitAndDrive(_tasks);

    [IterationCleanup(Target = nameof(NaiveLoops))]
    public void CleanupNaive()
    {
        Record(nameof(NaiveLoops));
        _naive!.Stop();
        _naive = null;
    }

    [IterationCleanup(Target = nameof(PluginHost))]
    public void CleanupHost()
    {
        Record(nameof(PluginHost));
        if (_host!.Host.InFlightCount != Tasks)
        {
            throw new InvalidOperationException($"{_host.Host.InFlightCount} of {Tasks} tasks are in flight.");
        }

        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _host = null;
    }

    private void Record(string method) =>
        RetainedMemory.Record(nameof(HostMemoryBenchmarks), method, Tasks, (double)(RetainedMemory.Measure() - _before) / Tasks);
}
