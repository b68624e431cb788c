using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Drives tasks through generated plugins with Flyte's webapi semantics: quotas, rate limits, one auto-refresh
/// polling structure per plugin, failure counting, abort with Delete, deadlines. Where Flyte is known to be wrong
/// (write limiter unused, failure counter never reset, stale resource after failed Gets, NamespaceQuotaExceeded as an
/// error, re-Create on NotReady, polling after completion or abort), the host does the right thing.
/// Time comes from <see cref="TimeProvider"/>; nothing waits on a per-task timer.
/// </summary>
public sealed class PluginHost : IAsyncDisposable
{
    private readonly PluginCatalog _catalog;
    private readonly IServiceProvider _services;
    private readonly PluginHostOptions _options;
    private readonly HostContext _context;
    private readonly ILogger _logger;
    private readonly HostMetrics _metrics;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Lazy<PluginRunner>> _runners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskRecord> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PluginConfig> _configs = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private int _disposed;
    private int _ticking;

    /// <summary>Creates a host and starts its clock.</summary>
    /// <param name="catalog">The plugins, from the generated registries.</param>
    /// <param name="services">Resolves plugin instances (registered by the generated <c>Add...Plugins()</c>) and their dependencies.</param>
    /// <param name="options">Host settings and per-plugin configuration overrides.</param>
    /// <param name="resources">Quota tokens; an <see cref="InMemoryResourceManager"/> by default.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="meterFactory">Metrics; a meter of the host's own by default.</param>
    /// <exception cref="PluginConfigValidationException">A plugin's effective configuration is outside Flyte's ranges; the message names plugin, field, value and range.</exception>
    /// <exception cref="ArgumentException">
    /// An option is out of range (<see cref="PluginHostOptions.TickIntervalRange"/>, <see cref="PluginHostOptions.TaskTimeoutRange"/>,
    /// <see cref="RetryPolicy.MaxAttemptsRange"/>, <see cref="RetryPolicy.DelayRange"/>), or an override names a plugin id that no
    /// plugin has; the message lists every problem.
    /// </exception>
    public PluginHost(
        PluginCatalog catalog,
        IServiceProvider services,
        PluginHostOptions? options = null,
        IResourceManager? resources = null,
        TimeProvider? time = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(services);
        _catalog = catalog;
        _services = services;
        _options = options ?? new PluginHostOptions();
        Time = time ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PluginHost>();
        _metrics = new HostMetrics(meterFactory);
        // Validated up front: a bad configuration fails at start-up, not when the first task arrives.
        PluginHostOptionsValidation.ThrowIfInvalid(_options, catalog);
        foreach (var descriptor in catalog.Descriptors)
        {
            _configs[descriptor.Id] = PluginHostOptionsValidation.EffectiveConfig(_options, descriptor);
        }

        _context = new HostContext
        {
            Time = Time,
            Resources = resources ?? new InMemoryResourceManager(),
            Options = _options,
            Metrics = _metrics,
            Logger = _logger,
            Stopping = _stopping.Token,
            PhaseChanged = OnPhaseChanged,
            Finished = record => _tasks.TryRemove(new KeyValuePair<string, TaskRecord>(record.Task.UniqueName, record)),
        };
        Start();
    }

    /// <summary>Raised for every phase or phase-version change of every task. Handlers must be quick; exceptions are logged.</summary>
    public event Action<PhaseEvent>? PhaseChanged;

    /// <summary>The host's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Tasks submitted and not yet ended.</summary>
    public int InFlightCount => _tasks.Count;

    /// <summary>The effective configuration of a plugin: declared, with overrides applied.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <returns>The configuration.</returns>
    public PluginConfig GetEffectiveConfig(string pluginId) =>
        _configs.TryGetValue(pluginId, out var config) ? config : throw new KeyNotFoundException($"No plugin has id '{pluginId}'.");

    /// <summary>Starts the host's clock (done by the constructor; calling it again does nothing).</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _timer ??= Time.CreateTimer(_ => Tick(), null, _options.TickInterval, _options.TickInterval);
    }

    /// <summary>Submits a task; the plugin serving its task type drives it to a terminal phase.</summary>
    /// <param name="task">The task.</param>
    /// <param name="options">Per-task settings.</param>
    /// <returns>A handle to follow, await or abort the task.</returns>
    /// <exception cref="UnknownTaskTypeException">No plugin serves the task type; the message lists the known ones.</exception>
    /// <exception cref="DuplicateTaskException">A task with the same unique name is still running.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The task's timeout is outside <see cref="PluginHostOptions.TaskTimeoutRange"/>.</exception>
    public TaskHandle Submit(TaskContext task, TaskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var descriptor = _catalog.GetDescriptor(task.TaskType);
        var lazy = _runners.GetOrAdd(descriptor.Id, _ => new Lazy<PluginRunner>(() => CreateRunner(descriptor)));
        PluginRunner runner;
        try
        {
            runner = lazy.Value;
        }
        catch
        {
            // A plugin that could not be created (a missing dependency, say) is tried again with the next task.
            _runners.TryRemove(new KeyValuePair<string, Lazy<PluginRunner>>(descriptor.Id, lazy));
            throw;
        }

        var now = Time.GetUtcNow();
        PluginHostOptionsValidation.ThrowIfInvalidTaskTimeout(options?.Timeout);
        var timeout = options?.Timeout ?? _options.DefaultTaskTimeout;
        TaskRecord? record = null;
        var placeholder = new PlaceholderRecord(task, descriptor.Id, now);
        if (!_tasks.TryAdd(task.UniqueName, placeholder))
        {
            throw new DuplicateTaskException(task.UniqueName);
        }

        try
        {
            record = runner.Submit(task, now, timeout is { } t ? now + t : null);
        }
        finally
        {
            if (record is null)
            {
                _tasks.TryRemove(task.UniqueName, out _);
            }
        }

        // The record may already have ended (a sync plugin, or an instant failure); only a running task is kept.
        if (!_tasks.TryUpdate(task.UniqueName, record, placeholder) || record.IsFinished)
        {
            _tasks.TryRemove(new KeyValuePair<string, TaskRecord>(task.UniqueName, record));
        }

        HostLog.Submitted(_logger, descriptor.Id, task.UniqueName);
        return new TaskHandle(this, record);
    }

    /// <summary>Finds a running task by its unique name.</summary>
    /// <param name="uniqueName">The task's unique name.</param>
    /// <param name="handle">The task, when running.</param>
    /// <returns>Whether the task is running.</returns>
    public bool TryGetTask(string uniqueName, out TaskHandle? handle)
    {
        handle = _tasks.TryGetValue(uniqueName, out var record) && record is not PlaceholderRecord ? new TaskHandle(this, record) : null;
        return handle is not null;
    }

    /// <summary>Aborts a running task by its unique name (see <see cref="TaskHandle.Abort"/>).</summary>
    /// <param name="uniqueName">The task's unique name.</param>
    /// <returns>False when no such task is running.</returns>
    public bool Abort(string uniqueName) => _tasks.TryGetValue(uniqueName, out var record) && Abort(record);

    internal bool Abort(TaskRecord record)
    {
        if (record.IsFinished || record is PlaceholderRecord)
        {
            return false;
        }

        record.AbortRequested = true;
        if (_runners.TryGetValue(record.PluginId, out var runner))
        {
            runner.Value.Signal(record);
        }

        return true;
    }

    /// <summary>
    /// Stops the host: workers stop and the clock stops. Tasks still running complete with an
    /// <see cref="OperationCanceledException"/>; their remote jobs are not deleted (they keep running remotely).
    /// </summary>
    /// <returns>A task that completes when the workers have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var runner in _runners.Values.Where(r => r.IsValueCreated))
        {
            await runner.Value.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var record in _tasks.Values)
        {
            record.Completion.TrySetException(new OperationCanceledException(
                $"The plugin host stopped before task '{record.Task.UniqueName}' ended; its remote job was not deleted."));
        }

        _metrics.Dispose();
        _stopping.Dispose();
    }

    private void Tick()
    {
        // A system timer may fire again while a slow tick runs; one tick at a time keeps the buckets consistent.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            TickRunners();
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void TickRunners()
    {
        var now = Time.GetUtcNow();
        foreach (var runner in _runners.Values)
        {
            if (runner.IsValueCreated)
            {
                runner.Value.Tick(now);
            }
        }
    }

    private PluginRunner CreateRunner(PluginDescriptor descriptor)
    {
        var plugin = _services.GetService(descriptor.PluginType) as IPlugin ?? descriptor.CreatePlugin(_services);
        var config = _configs[descriptor.Id];
        return plugin switch
        {
            IAsyncPlugin asyncPlugin => asyncPlugin.Accept(new RunnerFactory(config, _context)),
            ISyncPlugin syncPlugin => new SyncPluginRunner(syncPlugin, config, _context),
            _ => throw new InvalidOperationException($"Plugin '{descriptor.Id}' ({descriptor.PluginType.FullName}) implements neither IAsyncPlugin nor ISyncPlugin."),
        };
    }

    private void OnPhaseChanged(TaskRecord record, PhaseEvent phaseEvent)
    {
        try
        {
            PhaseChanged?.Invoke(phaseEvent);
        }
        catch (Exception exception)
        {
            HostLog.ObserverFailed(_logger, exception, record.Task.UniqueName);
        }
    }

    /// <summary>Holds a unique name while the real record is being created, so duplicates are rejected atomically.</summary>
    private sealed class PlaceholderRecord(TaskContext task, string pluginId, DateTimeOffset now) : TaskRecord(task, pluginId, now)
    {
        public override bool HasMeta => false;

        public override object? MetaObject => null;

        public override object? ResourceObject => null;
    }
}
