using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsyncPluginGen.Hosting.Tests.Infrastructure;

/// <summary>How a test wants its host: options, the scripted plugin's overrides and declared configuration.</summary>
internal sealed class HarnessSetup
{
    /// <summary>Host options; the tick is 250 ms (exact in binary, so rate-limiter credit adds up exactly).</summary>
    public PluginHostOptions Options { get; } = new() { TickInterval = TimeSpan.FromMilliseconds(250) };

    /// <summary>Overrides of <see cref="ScriptedPlugin"/>'s configuration; resync every 5 s (Flyte's minimum).</summary>
    public PluginConfigOverride Scripted { get; } = new() { ResyncInterval = HostHarness.Resync };

    /// <summary>What <see cref="ScriptedPlugin"/> declares.</summary>
    public PluginConfig Declared { get; set; } = new();

    /// <summary>The host's task store; none by default. With one, call <see cref="HostHarness.StartAsync"/> before submitting.</summary>
    public ITaskStore? Store { get; set; }

    /// <summary>
    /// A restart: the new host shares the earlier harness's remote side (plugin scripts and jobs, call log, clock,
    /// execution name), as a new process would find the same services; its quota manager and spans are its own.
    /// </summary>
    public HostHarness? RestartOf { get; set; }

    /// <summary>Where the host logs; none by default.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? Logging { get; set; }

    /// <summary>Gives the scripted plugin a quota of <paramref name="quota"/> tokens in <paramref name="ns"/>.</summary>
    public HarnessSetup Quota(int quota, string ns = ScriptedPlugin.QuotaNamespace)
    {
        Scripted.ResourceQuotas[ns] = quota;
        return this;
    }
}

/// <summary>
/// One host on a fake clock with a <see cref="ScriptedPlugin"/> and a <see cref="SyncTestPlugin"/>; records phase events,
/// plugin calls, quota calls and spans, each with a signal, so tests wait for facts instead of sleeping.
/// Time moves only when the test calls <see cref="AdvanceTo"/>, one host tick at a time.
/// </summary>
internal sealed class HostHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Resync = TimeSpan.FromSeconds(5);

    private readonly List<PhaseEvent> _events = [];
    private readonly Pulse _eventPulse = new();

    public HostHarness(Action<HarnessSetup>? configure = null)
    {
        var setup = new HarnessSetup();
        configure?.Invoke(setup);
        Options = setup.Options;
        Options.Plugins[ScriptedPlugin.Id] = setup.Scripted;
        var earlier = setup.RestartOf;
        ExecutionName = earlier?.ExecutionName ?? "exec" + Guid.NewGuid().ToString("N");
        Time = earlier?.Time ?? new FakeTimeProvider(T0);
        Calls = earlier?.Calls ?? new CallLog();
        Clock = new HarnessClock(Time);
        Plugin = earlier?.Plugin ?? new ScriptedPlugin(Time, setup.Declared, Calls);
        SyncPlugin = earlier?.SyncPlugin ?? new SyncTestPlugin(Time, Calls);
        Resources = new RecordingResourceManager(new InMemoryResourceManager());
        Spans = new SpanLog(ExecutionName);
        var services = new ServiceCollection().AddSingleton(Plugin).BuildServiceProvider();
        Host = new PluginHost(new PluginCatalog([new TestRegistry(Plugin.Descriptor, SyncPlugin.Descriptor)]), services, Options, Resources, Clock, setup.Logging, Meters, setup.Store);
        Host.PhaseChanged += OnPhaseChanged;
        Calls.Recorded += _eventPulse.Fire;
    }

    /// <summary>Unique per harness, so spans and names never mix between tests running in parallel.</summary>
    public string ExecutionName { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The host's clock: <see cref="Time"/>'s time, its timers run by <see cref="AdvanceTo"/> only.</summary>
    public HarnessClock Clock { get; }

    public CallLog Calls { get; }

    public ScriptedPlugin Plugin { get; }

    public SyncTestPlugin SyncPlugin { get; }

    public RecordingResourceManager Resources { get; }

    public TestMeterFactory Meters { get; } = new();

    public SpanLog Spans { get; }

    public PluginHostOptions Options { get; }

    public PluginHost Host { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>T0 plus <paramref name="seconds"/>.</summary>
    public static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    public TaskExecutionId Id(string task, string project = "proj", string domain = "dev") => new(project, domain, ExecutionName, task);

    public string UniqueName(string task, string project = "proj") => Id(task, project).GeneratedName;

    public TaskContext NewTask(string task, string project = "proj", string taskType = ScriptedPlugin.TaskType) => new(taskType, Id(task, project));

    public TaskScript Script(string task) => Plugin.Script(task);

    public TaskHandle Submit(string task, TaskOptions? options = null, string project = "proj") => Host.Submit(NewTask(task, project), options);

    /// <summary>Starts the host (with a store: opens it and recovers its tasks).</summary>
    public Task StartAsync() => Host.StartAsync();

    public TaskHandle SubmitSync(string task, TaskOptions? options = null) => Host.Submit(NewTask(task, taskType: SyncTestPlugin.TaskType), options);

    /// <summary>Moves the fake clock to <paramref name="target"/>, one host tick at a time (each tick runs the host's clock).</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (Now < target)
        {
            var step = target - Now;
            Clock.Advance(step < Options.TickInterval ? step : Options.TickInterval);
        }
    }

    public void AdvanceBy(TimeSpan delta) => AdvanceTo(Now + delta);

    public IReadOnlyList<PhaseEvent> Events(string task)
    {
        lock (_events)
        {
            return _events.Where(e => e.ExecutionId.NodeId == task).ToList();
        }
    }

    /// <summary>The task's events as (phase, version, reason, state), for exact sequence assertions.</summary>
    public IReadOnlyList<(TaskPhase Phase, uint Version, string? Reason, PluginState State)> Trace(string task) =>
        Events(task).Select(e => (e.Phase.Phase, e.Phase.Version, e.Phase.Reason, e.State)).ToList();

    /// <summary>Waits for the first event of the task that matches.</summary>
    public async Task<PhaseEvent> WaitForEventAsync(string task, Func<PhaseEvent, bool> match, string what)
    {
        await _eventPulse.WaitUntilAsync(() => Events(task).Any(match), () => $"{what} of task '{task}'. {DescribeEvents(task)} {Calls.Describe()}").ConfigureAwait(false);
        return Events(task).First(match);
    }

    /// <summary>Waits until a condition over events and calls holds (re-checked after every event and every call).</summary>
    public Task WaitUntilAsync(Func<bool> condition, string what) =>
        _eventPulse.WaitUntilAsync(condition, () => $"{what}. {Calls.Describe()}");

    public Task<PhaseEvent> WaitForPhaseAsync(string task, TaskPhase phase, string? reason = null) =>
        WaitForEventAsync(task, e => e.Phase.Phase == phase && (reason is null || e.Phase.Reason == reason), $"phase {phase}{(reason is null ? "" : $" '{reason}'")}");

    /// <summary>Waits for the task's end, bounded.</summary>
    public async Task<TaskResult> CompletionAsync(TaskHandle handle)
    {
        try
        {
            return await handle.Completion.WaitAsync(Wait.Timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var task = handle.ExecutionId.NodeId;
            throw new TimeoutException($"Task '{task}' did not end within {Wait.Timeout.TotalSeconds:0} s (fake clock {Now:HH:mm:ss.fff}, state {handle.State}). {DescribeEvents(task)} {Calls.Describe()}");
        }
    }

    public string DescribeEvents(string task) =>
        $"Events of '{task}': " + string.Join("; ", Events(task).Select(e => $"{e.Phase} [{e.State}] at {e.Timestamp:HH:mm:ss.fff}"));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync().ConfigureAwait(false);
        Spans.Dispose();
        Meters.Dispose();
    }

    private void OnPhaseChanged(PhaseEvent phaseEvent)
    {
        if (phaseEvent.ExecutionId.ExecutionName != ExecutionName)
        {
            return;
        }

        lock (_events)
        {
            _events.Add(phaseEvent);
        }

        _eventPulse.Fire();
    }
}
