using AsyncPluginGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;

namespace AsyncPluginGen.Benchmarks.Host;

/// <summary>
/// Group 5, polling: the cost of one poll cycle per in-flight task, Get's result in hand (Get returns at once) to Status
/// to bookkeeping. One operation moves the clock by the resync interval and returns when every task has been polled once;
/// Time/task and Alloc/task divide by the task count. The host sweeps its polling set through its workers and read rate
/// limiter (whose burst, 10,000 per plugin, covers a sweep); the baseline is the naive loops, each woken by its own
/// Task.Delay timer. The host's figure includes its scheduling, rate limiting, metrics and phase-change check.
/// </summary>
[MemoryDiagnoser]
public class HostPollCycleBenchmarks
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(5);

    private HostHarness? _host;
    private NaiveHarness? _naive;

    [ParamsSource(nameof(Sizes))]
    public int Tasks { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkMode.Pick([1_000, 10_000], [10_000]);

    [GlobalSetup(Target = nameof(NaiveLoops))]
    public void SetupNaive()
    {
        _naive = new NaiveHarness(Resync);
        _naive.Start(HostTasks.Create(Tasks));
    }

    [GlobalSetup(Target = nameof(PluginHost))]
    public void SetupHost()
    {
        _host = new HostHarness(Resync);
        _host.SubmitAndDrive(HostTasks.Create(Tasks));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _naive?.Stop();
        _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public void NaiveLoops() => HostCalls.AwaitGets(Tasks, () => _naive!.Clock.Advance(Resync));

    [Benchmark]
    public void PluginHost() => HostCalls.AwaitGets(Tasks, () => _host!.Clock.Advance(Resync));
}
