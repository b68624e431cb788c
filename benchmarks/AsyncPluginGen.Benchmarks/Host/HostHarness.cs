using AsyncPluginGen.Benchmarks.Infrastructure;
using AsyncPluginGen.Benchmarks.Registration;
using AsyncPluginGen.Generated;
using AsyncPluginGen.Hosting;

namespace AsyncPluginGen.Benchmarks.Host;

/// <summary>Tasks for the host benchmarks, spread evenly over the host plugins.</summary>
internal static class HostTasks
{
    public static readonly string[] TaskTypes = ["host_bench_a", "host_bench_b", "host_bench_c"];

    public static TaskContext[] Create(int count) => Create(count, "exec", TaskTypes);

    /// <summary><paramref name="count"/> tasks of execution <paramref name="execution"/>, spread over <paramref name="taskTypes"/>.</summary>
    public static TaskContext[] Create(int count, string execution, string[] taskTypes) =>
        Enumerable.Range(0, count)
            .Select(i => new TaskContext(taskTypes[i % taskTypes.Length], new TaskExecutionId("project", "development", execution, "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();
}

/// <summary>
/// A <see cref="PluginHost"/> over the host plugins, on a <see cref="ManualClock"/>. Submitting drives the clock tick by
/// tick until every task runs: Create goes through the write rate limiter, whose burst (10,000 per plugin, Flyte's
/// highest) passes at once and which refills by 10,000 per plugin per 100 ms tick.
/// </summary>
internal sealed class HostHarness : IAsyncDisposable
{
    private const int WriteBurst = 10_000;

    private readonly ManualResetEventSlim _allRunning = new(false);
    private readonly PluginHostOptions _options;
    private long _running;
    private long _target = long.MaxValue;

    /// <param name="resync">Overrides the plugins' resync interval (an hour) when set.</param>
    /// <param name="store">A task store; the host is then started with it (nothing to recover).</param>
    public HostHarness(TimeSpan? resync = null, ITaskStore? store = null)
    {
        _options = new PluginHostOptions { SyncOnCreate = false };
        if (resync is { } interval)
        {
            _options.Plugins[nameof(HostBenchPluginA)] = new PluginConfigOverride { ResyncInterval = interval };
            _options.Plugins[nameof(HostBenchPluginB)] = new PluginConfigOverride { ResyncInterval = interval };
            _options.Plugins[nameof(HostBenchPluginC)] = new PluginConfigOverride { ResyncInterval = interval };
            _options.Plugins[nameof(HostBenchFlipPlugin)] = new PluginConfigOverride { ResyncInterval = interval };
        }

        Host = new PluginHost(new PluginCatalog([AsyncPluginGenBenchmarksPluginRegistry.Instance]), NoServices.Instance, _options, time: Clock, store: store);
        Host.PhaseChanged += OnPhaseChanged;
        if (store is not null)
        {
            Host.StartAsync().GetAwaiter().GetResult();
        }
    }

    public ManualClock Clock { get; } = new();

    public PluginHost Host { get; }

    /// <summary>Submits every task and drives the clock until all of them run.</summary>
    public void SubmitAndDrive(TaskContext[] tasks)
    {
        _allRunning.Reset();
        Interlocked.Exchange(ref _target, Interlocked.Read(ref _running) + tasks.Length);
        var createsBefore = HostCalls.Creates;
        foreach (var task in tasks)
        {
            _ = Host.Submit(task);
        }

        var perPlugin = tasks.CountBy(t => t.TaskType).Select(p => p.Value).ToArray(); // Not GroupBy: it copies every task into groups (32 B per task, measured with the host).
        for (var tick = 0; !_allRunning.IsSet; tick++)
        {
            // Wait until this tick's permits are used, then move the clock to the next tick.
            var expected = perPlugin.Sum(n => Math.Min(n, (long)WriteBurst * (tick + 1)));
            if (!HostCalls.AwaitCreates(createsBefore + expected, TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException($"Only {HostCalls.Creates - createsBefore} of {expected} creates after tick {tick}.");
            }

            if (expected == tasks.Length)
            {
                break;
            }

            Clock.Advance(_options.TickInterval);
        }

        if (!_allRunning.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"Only {Interlocked.Read(ref _running)} tasks run; {Host.InFlightCount} in flight.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Host.PhaseChanged -= OnPhaseChanged;
        await Host.DisposeAsync().ConfigureAwait(false);
        _allRunning.Dispose();
    }

    private void OnPhaseChanged(PhaseEvent phaseEvent)
    {
        if (phaseEvent.Phase.Phase == TaskPhase.Running && Interlocked.Increment(ref _running) == Interlocked.Read(ref _target))
        {
            _allRunning.Set();
        }
    }
}

/// <summary>
/// What users write by hand instead of a host: one polling loop per task, <c>Task.Delay</c> then Get then Status, until
/// the phase is terminal. Through the same generated plugins and their typed interface, on a <see cref="ManualClock"/>.
/// </summary>
internal sealed class NaiveHarness
{
    private readonly IAsyncPlugin<HostMeta, HostJob>[] _plugins = [new HostBenchPluginA(), new HostBenchPluginB(), new HostBenchPluginC()];
    private readonly TimeSpan _resync;
    private Task[] _loops = [];
    private volatile bool _stopping;

    public NaiveHarness(TimeSpan resync) => _resync = resync;

    public ManualClock Clock { get; } = new();

    /// <summary>Starts one loop per task; returns when every task has been created and is waiting for its first poll.</summary>
    public void Start(TaskContext[] tasks)
    {
        _loops = new Task[tasks.Length];
        for (var i = 0; i < tasks.Length; i++)
        {
            _loops[i] = PollAsync(_plugins[Array.IndexOf(HostTasks.TaskTypes, tasks[i].TaskType)], tasks[i]);
        }
    }

    /// <summary>Ends every loop at its next wake-up.</summary>
    public void Stop()
    {
        _stopping = true;
        Clock.Advance(_resync);
        Task.WaitAll(_loops);
        _loops = [];
    }

    private async Task PollAsync(IAsyncPlugin<HostMeta, HostJob> plugin, TaskContext task)
    {
        var created = await plugin.CreateAsync(task, CancellationToken.None).ConfigureAwait(false);
        var meta = created.Meta;
        var phase = plugin.Status(new StatusContext<HostMeta, HostJob>(task, meta, created.Resource!));
        while (!phase.IsTerminal)
        {
            await Task.Delay(_resync, Clock).ConfigureAwait(false);
            if (_stopping)
            {
                return;
            }

            var resource = await plugin.GetAsync(new GetContext<HostMeta>(meta), CancellationToken.None).ConfigureAwait(false);
            phase = plugin.Status(new StatusContext<HostMeta, HostJob>(task, meta, resource));
        }
    }
}
