using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsyncPluginGen.Hosting;

// One file on purpose (over 400 lines, half of them documentation): the public surface and the lifecycle it promises
// (construct, start and recover, submit, stop, dispose) are one contract, read together. The engine lives in Engine/.

/// <summary>
/// Drives tasks through generated plugins with Flyte's webapi semantics: quotas, rate limits, one auto-refresh
/// polling structure per plugin, failure counting, abort with Delete, deadlines. Where Flyte is known to be wrong
/// (write limiter unused, failure counter never reset, stale resource after failed Gets, NamespaceQuotaExceeded as an
/// error, re-Create on NotReady, polling after completion or abort), the host does the right thing.
/// Time comes from <see cref="TimeProvider"/>; nothing waits on a per-task timer.
/// <para>
/// Lifecycle: construct, start, submit, stop, dispose. <see cref="StartAsync"/> (called by <see cref="PluginHostService"/>
/// with the application) starts the host's clock; a host constructed directly need not be started, because its first
/// <see cref="Submit"/> starts the clock. <see cref="StopAsync"/> ends every task in flight (see there) and refuses new
/// ones; <see cref="DisposeAsync"/> stops the host if needed, then frees its resources.
/// </para>
/// </summary>
public sealed class PluginHost : IAsyncDisposable
{
    private readonly PluginCatalog _catalog;
    private readonly IServiceProvider _services;
    private readonly PluginHostOptions _options;
    private readonly HostContext _context;
    private readonly HostMetrics _metrics;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskTable _tasks = new();
    private readonly PhaseFeed _feed;
    private readonly Dictionary<string, PluginConfig> _configs = new(StringComparer.Ordinal);
    private readonly RunnerSet _runners;
    private readonly object _lifecycle = new();
    private static readonly TimeSpan FlushGrace = TimeSpan.FromSeconds(5);
    private readonly ITaskStore? _store;
    private ITimer? _timer;
    private Task? _opened;
    private Task? _stopped;
    private int _disposed;
    private volatile bool _stopCutShort;

    /// <summary>Creates a host; its clock starts with <see cref="StartAsync"/> or the first <see cref="Submit"/>.</summary>
    /// <param name="catalog">The plugins, from the generated registries.</param>
    /// <param name="services">Resolves plugin instances (registered by the generated <c>Add...Plugins()</c>) and their dependencies.</param>
    /// <param name="options">Host settings and per-plugin configuration overrides.</param>
    /// <param name="resources">Quota tokens; an <see cref="InMemoryResourceManager"/> by default.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="meterFactory">Metrics; a meter of the host's own by default.</param>
    /// <param name="store">
    /// Where tasks are kept so a restarted host resumes them (see <see cref="ITaskStore"/>); none by default. With a store,
    /// call <see cref="StartAsync"/> before <see cref="Submit"/>: it opens the store and recovers its tasks.
    /// </param>
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
        IMeterFactory? meterFactory = null,
        ITaskStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(services);
        _catalog = catalog;
        _services = services;

        // The one place the options are read and checked.
        _options = options ?? new PluginHostOptions();
        // Validated up front: a bad configuration fails at start-up, not when the first task arrives.
        PluginHostOptionsValidation.ThrowIfInvalid(_options, catalog);

        Time = time ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PluginHost>();
        _metrics = new HostMetrics(meterFactory);
        _feed = new PhaseFeed(logger);
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
            Logger = logger,
            Stopping = _stopping.Token,
            Tasks = _tasks,
            Feed = _feed,
        };
        _runners = new RunnerSet(services, _configs, _context);
        _store = store;
    }

    /// <summary>Raised for every phase or phase-version change of every task. Handlers must be quick; exceptions are logged.</summary>
    public event Action<PhaseEvent>? PhaseChanged
    {
        add => _feed.Changed += value;
        remove => _feed.Changed -= value;
    }

    /// <summary>The host's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Tasks submitted and not yet ended.</summary>
    public int InFlightCount => _tasks.Count;

    /// <summary>The effective configuration of a plugin: declared, with overrides applied.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <returns>The configuration.</returns>
    public PluginConfig GetEffectiveConfig(string pluginId) =>
        _configs.TryGetValue(pluginId, out var config) ? config : throw new KeyNotFoundException($"No plugin has id '{pluginId}'.");

    /// <summary>Starts the host's clock: rate limiters refill, deadlines and retries fire, polls are scheduled. Idempotent.</summary>
    /// <exception cref="ObjectDisposedException">The host was stopped or disposed.</exception>
    /// <exception cref="InvalidOperationException">The host has a task store, which only <see cref="StartAsync"/> can open.</exception>
    public void Start()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_stopped is not null, this);
            if (_store is not null && _opened is not { IsCompletedSuccessfully: true })
            {
                throw new InvalidOperationException("This plugin host has a task store: start it with StartAsync, which opens the store and recovers its tasks, before submitting tasks.");
            }

            StartClock();
        }
    }

    /// <summary>
    /// Starts the host. With a task store, first opens it and re-adopts every task that had not ended, before any new
    /// task is taken: a created task resumes polling (no second Create); a task whose Create may or may not have reached
    /// the service is created again with its unique name as idempotency key, which returns the existing job; a task with
    /// an abort, deadline or Delete pending is deleted; quota tokens are taken again. Then starts the clock (see
    /// <see cref="Start"/>). Idempotent: a second call waits for the first.
    /// </summary>
    /// <param name="cancellationToken">Cancels opening the store.</param>
    /// <returns>A task that completes when the host runs, recovered tasks included.</returns>
    /// <exception cref="TaskStoreException">The store cannot be used (another host owns it, it is corrupt, or newer); the message says what to do.</exception>
    /// <exception cref="ObjectDisposedException">The host was stopped or disposed.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_store is null)
        {
            Start();
            return Task.CompletedTask;
        }

        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_stopped is not null, this);
            if (_opened is null or { IsFaulted: true } or { IsCanceled: true })
            {
                _opened = OpenAsync(_store, cancellationToken);
            }

            return _opened;
        }
    }

    private void StartClock() =>
        _timer ??= Time.CreateTimer(_ => _runners.Tick(Time.GetUtcNow()), null, _options.TickInterval, _options.TickInterval);

    private async Task OpenAsync(ITaskStore store, CancellationToken cancellationToken)
    {
        var rows = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        var journal = new TaskJournal(
            store,
            record => _runners.TryGet(record.PluginId, out var runner) ? runner!.Capture(record, buffer, Time.GetUtcNow()) : null,
            StoredTaskWriter.Saved,
            _options.StoreCommitInterval,
            _context.Logger,
            () => Time.GetUtcNow() - _options.EndedTaskRetention);
        _context.Journal = journal;
        journal.Start();
        await new TaskRecovery(_catalog, _runners, _context, _services).RecoverAsync(rows).ConfigureAwait(false);
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_stopped is not null, this);
            StartClock();
        }
    }

    /// <summary>Submits a task; the plugin serving its task type drives it to a terminal phase.</summary>
    /// <param name="task">The task.</param>
    /// <param name="options">Per-task settings.</param>
    /// <returns>
    /// A handle to follow, await or abort the task. Its completion always completes, even if the host stops. When a task
    /// with the same unique name and task type is in flight (submitted earlier, or recovered from the task store after a
    /// restart), the handle is that task's: submitting is idempotent, as the unique name is the remote Create's
    /// idempotency key. That task keeps its own context and options.
    /// </returns>
    /// <exception cref="UnknownTaskTypeException">No plugin serves the task type; the message lists the known ones.</exception>
    /// <exception cref="DuplicateTaskException">A task with the same unique name but another task type is in flight.</exception>
    /// <exception cref="InvalidOperationException">The host has a task store and was not started with <see cref="StartAsync"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The task's timeout is outside <see cref="PluginHostOptions.TaskTimeoutRange"/>.</exception>
    /// <exception cref="ObjectDisposedException">The host is stopping, stopped or disposed.</exception>
    public TaskHandle Submit(TaskContext task, TaskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        PluginHostOptionsValidation.ThrowIfInvalidTaskTimeout(options?.Timeout);
        ObjectDisposedException.ThrowIf(_tasks.IsClosed, this);
        var descriptor = _catalog.GetDescriptor(task.TaskType);
        var runner = _runners.Get(descriptor);
        Start();

        var timeout = options?.Timeout ?? _options.DefaultTaskTimeout;
        var record = runner.CreateRecord(task, timeout is { } t ? Time.GetUtcNow() + t : null);
        switch (_tasks.TryAdd(record))
        {
            case TableEntry.Duplicate:
                if (!_tasks.TryGet(task.UniqueName, out var existing))
                {
                    throw new DuplicateTaskException(task.UniqueName); // it ended meanwhile: the caller may submit again
                }

                return existing!.Task.TaskType == task.TaskType
                    ? new TaskHandle(this, existing)
                    : throw new DuplicateTaskException(task.UniqueName, existing.Task.TaskType, task.TaskType);
            case TableEntry.Closed:
                throw new ObjectDisposedException(nameof(PluginHost), $"The plugin host is stopping; task '{task.UniqueName}' was not submitted.");
        }

        _context.Persist(record);
        runner.Start(record);
        HostLog.Submitted(_context.Logger, descriptor.Id, task.UniqueName);
        return new TaskHandle(this, record);
    }

    /// <summary>Finds a running task by its unique name.</summary>
    /// <param name="uniqueName">The task's unique name.</param>
    /// <param name="handle">The task, when running.</param>
    /// <returns>Whether the task is running.</returns>
    public bool TryGetTask(string uniqueName, out TaskHandle? handle)
    {
        handle = _tasks.TryGet(uniqueName, out var record) ? new TaskHandle(this, record!) : null;
        return handle is not null;
    }

    /// <summary>
    /// Finds a task by its unique name: running (submitted, or recovered from the task store), or ended and still kept in the
    /// store (<see cref="PluginHostOptions.EndedTaskRetention"/>), whose handle is complete with its outcome.
    /// </summary>
    /// <param name="uniqueName">The task's unique name.</param>
    /// <param name="cancellationToken">Cancels the look-up in the store.</param>
    /// <returns>The task's handle, or null when the host knows no task with that name.</returns>
    public async Task<TaskHandle?> FindAsync(string uniqueName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uniqueName);
        if (TryGetTask(uniqueName, out var running))
        {
            return running;
        }

        if (_store is null || _opened is not { IsCompletedSuccessfully: true })
        {
            return null;
        }

        var row = await _store.FindAsync(uniqueName, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        if (TryGetTask(uniqueName, out running))
        {
            return running; // Submitted while the store was read.
        }

        return row.EndedAt is null ? null : TaskRecovery.EndedHandle(this, row, _services);
    }

    /// <summary>The tasks in flight (submitted or recovered, not yet ended), at this moment.</summary>
    /// <returns>A snapshot of their handles.</returns>
    public IReadOnlyList<TaskHandle> GetTasks() => [.. _tasks.Snapshot().Select(record => new TaskHandle(this, record))];

    /// <summary>Aborts a running task by its unique name (see <see cref="TaskHandle.Abort"/>).</summary>
    /// <param name="uniqueName">The task's unique name.</param>
    /// <returns>False when no such task is running.</returns>
    public bool Abort(string uniqueName) => _tasks.TryGet(uniqueName, out var record) && Abort(record!);

    /// <summary>Timer entries of <paramref name="pluginId"/> that still hold a task (for tests).</summary>
    internal int HeldTimers(string pluginId) => _runners.TryGet(pluginId, out var runner) ? runner!.HeldTimers : 0;

    internal bool Abort(TaskRecord record)
    {
        if (!record.TryInterrupt(TaskInterrupt.Abort))
        {
            return false;
        }

        _context.Persist(record);

        if (_runners.TryGet(record.PluginId, out var runner))
        {
            runner!.Signal(record);
        }

        return true;
    }

    /// <summary>
    /// Stops the host. In order: new submissions are refused (<see cref="ObjectDisposedException"/>); Deletes under way
    /// (abort, deadline, cleanup; every task's, with <see cref="StopBehavior.AbortAndDelete"/>) finish, until they end or
    /// <paramref name="cancellationToken"/> fires; the clock stops and the task store, if any, is flushed; every task
    /// still in flight ends for this host: its watchers and <see cref="PhaseChanged"/> see a final
    /// <see cref="TaskPhase.PermanentFailure"/> with code <see cref="HostReasons.HostStopped"/> and state
    /// <see cref="PluginState.SystemFailure"/>, and its <see cref="TaskHandle.Completion"/> throws
    /// <see cref="OperationCanceledException"/>. Its remote job is not deleted and its quota token not released: with a
    /// store, the next host on it resumes the task; without one, the job is logged and counted as left running. Then
    /// remote calls in flight are cancelled and the workers awaited. Stopping again, or concurrently, waits for the same stop.
    /// </summary>
    /// <param name="cancellationToken">
    /// Bounds the wait for Deletes under way and for plugin calls in flight to return: when it is cancelled, a Delete not
    /// done yet is left to the next host (or reported), and this returns although a call that ignores its cancellation
    /// has not returned yet (its tasks have ended all the same).
    /// </param>
    /// <returns>A task that completes when the workers have stopped, or when <paramref name="cancellationToken"/> is cancelled.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task stopped;
        lock (_lifecycle)
        {
            stopped = _stopped ??= StopCoreAsync(cancellationToken);
        }

        try
        {
            await stopped.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Bounded by the caller: the workers keep draining in the background, and DisposeAsync does not wait for them.
            _stopCutShort = true;
        }
    }

    /// <summary>
    /// Stops the host (see <see cref="StopAsync"/>), then frees its rate limiters, meters and token source. Without an
    /// earlier bounded stop, it waits for plugin calls in flight, which are cancelled, to return. After a
    /// <see cref="StopAsync"/> whose token ran out (as the generic host's shutdown timeout does, right before the
    /// container disposes this singleton), it returns at once and frees the rest when those calls return, so a call
    /// that ignores its cancellation never holds up the application's exit.
    /// </summary>
    /// <returns>A task that completes when the host is stopped and its resources freed, or at once after a stop cut short.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Task stopped;
        lock (_lifecycle)
        {
            // Not stopped first (StopAsync is where a caller grants time): Deletes under way are not waited for.
            stopped = _stopped ??= StopCoreAsync(new CancellationToken(canceled: true));
        }

        if (_stopCutShort && !stopped.IsCompleted)
        {
            _ = FreeWhenStoppedAsync(stopped);
            return;
        }

        await stopped.ConfigureAwait(false);
        await FreeAsync().ConfigureAwait(false);
    }

    private async Task FreeWhenStoppedAsync(Task stopped)
    {
        try
        {
            await stopped.ConfigureAwait(false);
            await FreeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Nobody awaits this: the log is where a failure to free is seen.
            HostLog.UnexpectedError(_context.Logger, exception, "(host)", "(disposing)");
        }
    }

    private async Task FreeAsync()
    {
        await _runners.DisposeAsync().ConfigureAwait(false);
        if (_store is not null)
        {
            // Releases the store (its one-host lock) so another host may open it.
            await _store.DisposeAsync().ConfigureAwait(false);
        }

        _metrics.Dispose();
        _stopping.Dispose();
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        // Closing the table first: from here no task enters, so every task is either refused or ended below.
        var inFlight = _tasks.Close();
        if (_options.StopBehavior == StopBehavior.AbortAndDelete)
        {
            foreach (var record in inFlight)
            {
                Abort(record);
            }
        }

        // Deletes under way (an abort, a deadline, a cleanup) finish within the stop's token, the clock still ticking for
        // their retries; one that does not is resumed by the next host on the store, or reported below.
        await WhenEndedAsync(inFlight.Where(static record => record.Interrupt != TaskInterrupt.None || record.DeletePending), cancellationToken).ConfigureAwait(false);
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        if (_context.Journal is { } journal)
        {
            // What is written now is what the next host resumes; changes after this are not written. A local write is
            // quick, so even a stop without time (dispose) flushes, for a few seconds at most.
            using var flushTime = cancellationToken.IsCancellationRequested ? new CancellationTokenSource(FlushGrace) : null;
            await journal.CloseAsync(flushTime?.Token ?? cancellationToken).ConfigureAwait(false);
        }

        foreach (var record in inFlight)
        {
            if (TaskEnd.Abandon(_context, record, resumable: _context.Journal is not null) && _context.Journal is null && record.JobMayExist)
            {
                HostLog.LeftRunning(_context.Logger, record.PluginId, record.Task.UniqueName, record.MetaObject?.ToString() ?? "(meta unknown)");
                _metrics.LeftRunning(record.PluginId);
            }
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _runners.StopAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            HostLog.UnexpectedError(_context.Logger, exception, "(host)", "(stopping)");
        }
    }

    private static async Task WhenEndedAsync(IEnumerable<TaskRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(records.Select(static record => (Task)record.Completion)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Out of time (the rest is resumed or reported), or a task ended in a fault its own handle reports.
        }
    }
}
