using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Drives the tasks of one plugin through Flyte's state machine (NotStarted → AllocationTokenAcquired →
/// ResourcesCreated → terminal), with one shared work queue and <c>Caching.Workers</c> workers: no per-task timer,
/// thread or loop. Polling is a resync sweep of the created tasks every <c>Caching.ResyncInterval</c>.
/// </summary>
internal sealed class PluginRunner<TMeta, TResource> : PluginRunner
    where TMeta : notnull
    where TResource : notnull
{
    private readonly IAsyncPlugin<TMeta, TResource> _plugin;
    private readonly HostContext _host;
    private readonly Channel<TaskRecord<TMeta, TResource>> _work = Channel.CreateUnbounded<TaskRecord<TMeta, TResource>>();
    private readonly Dictionary<string, TaskRecord<TMeta, TResource>> _polling = new(StringComparer.Ordinal);
    private readonly Queue<TaskRecord<TMeta, TResource>> _waiting = new();
    private readonly PriorityQueue<TaskRecord<TMeta, TResource>, DateTimeOffset> _timers = new();
    private readonly object _gate = new();
    private readonly ClockedTokenBucket _reads;
    private readonly ClockedTokenBucket _writes;
    private readonly Task[] _workers;
    private readonly KeyValuePair<string, object?> _pluginTag;
    private DateTimeOffset _nextResync;

    public PluginRunner(IAsyncPlugin<TMeta, TResource> plugin, PluginConfig config, HostContext host)
    {
        _plugin = plugin;
        _host = host;
        Config = config;
        var now = host.Time.GetUtcNow();
        _reads = new ClockedTokenBucket(config.ReadRateLimiter, now);
        _writes = new ClockedTokenBucket(config.WriteRateLimiter, now);
        _nextResync = now + config.Caching.ResyncInterval;
        _pluginTag = new("plugin", plugin.Descriptor.Id);
        foreach (var (ns, quota) in config.ResourceQuotas)
        {
            host.Resources.RegisterQuota(ns, quota);
        }

        _workers = Enumerable.Range(0, config.Caching.Workers).Select(_ => Task.Run(WorkAsync)).ToArray();
        host.Metrics.TrackCache(plugin.Descriptor.Id, () => PollingCount);
    }

    public override PluginDescriptor Descriptor => _plugin.Descriptor;

    public override PluginConfig Config { get; }

    public override int PollingCount
    {
        get
        {
            lock (_gate)
            {
                return _polling.Count;
            }
        }
    }

    public override TaskRecord Submit(TaskContext task, DateTimeOffset now, DateTimeOffset? deadline)
    {
        var record = new TaskRecord<TMeta, TResource>(task, Descriptor.Id, now) { Deadline = deadline };
        if (deadline is { } due)
        {
            lock (_gate)
            {
                _timers.Enqueue(record, due);
            }
        }

        Schedule(record);
        return record;
    }

    public override void Signal(TaskRecord record) => Schedule((TaskRecord<TMeta, TResource>)record);

    public override void Tick(DateTimeOffset now)
    {
        _reads.Refill(now);
        _writes.Refill(now);
        List<TaskRecord<TMeta, TResource>>? due = null;
        lock (_gate)
        {
            while (_timers.TryPeek(out var record, out var at) && at <= now)
            {
                _timers.Dequeue();
                (due ??= new()).Add(record);
            }

            if (now >= _nextResync)
            {
                // The resync: every created task is polled once per interval, and waiters get another chance.
                _nextResync = now + Config.Caching.ResyncInterval;
                (due ??= new()).AddRange(_polling.Values);
                while (_waiting.TryDequeue(out var waiter))
                {
                    due.Add(waiter);
                }
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var record in due)
        {
            if (record.Deadline is { } deadline && deadline <= now && !record.IsFinished)
            {
                record.TimedOut = true;
            }

            Schedule(record);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        await _reads.DisposeAsync().ConfigureAwait(false);
        await _writes.DisposeAsync().ConfigureAwait(false);
    }

    private void Schedule(TaskRecord<TMeta, TResource> record)
    {
        Interlocked.Exchange(ref record.Dirty, 1);
        if (Interlocked.CompareExchange(ref record.Scheduled, 1, 0) == 0)
        {
            _work.Writer.TryWrite(record);
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var record in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            Interlocked.Exchange(ref record.Dirty, 0);
            try
            {
                await ProcessAsync(record).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A bug in the host must not lose the task: it ends as a system failure that names the cause.
                HostLog.UnexpectedError(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName);
                await FinishAsync(record, PhaseInfo.SystemFailure(HostReasons.SystemError, $"The host failed while driving the task: {exception.Message}"), PluginState.SystemFailure).ConfigureAwait(false);
            }

            Interlocked.Exchange(ref record.Scheduled, 0);
            if (Volatile.Read(ref record.Dirty) == 1 && !record.IsFinished)
            {
                Schedule(record);
            }
        }
    }

    private async ValueTask ProcessAsync(TaskRecord<TMeta, TResource> record)
    {
        if (record.IsFinished)
        {
            return;
        }

        var now = _host.Time.GetUtcNow();
        if (record.RetryAt is { } retryAt && retryAt > now && !record.AbortRequested && !record.TimedOut)
        {
            return; // A retry is pending; its timer schedules the task again.
        }

        record.RetryAt = null;
        if (record.PendingDelete is null && (record.AbortRequested || record.TimedOut))
        {
            var (phase, state, reason) = record.AbortRequested
                ? (PhaseInfo.Aborted(HostReasons.Aborted), PluginState.Aborted, DeleteReason.Aborted)
                : (PhaseInfo.RetryableFailure(HostReasons.TimeoutExpired, $"The task did not finish before its deadline {record.Deadline:O}."), PluginState.UserFailure, DeleteReason.TimeoutExpired);
            if (!record.MetaSet)
            {
                await FinishAsync(record, phase, state).ConfigureAwait(false);
                return;
            }

            record.PendingDelete = reason;
            record.AfterDelete = (phase, state);
            StopPolling(record);
        }

        if (record.PendingDelete is { } deleteReason)
        {
            await DeleteAsync(record, deleteReason).ConfigureAwait(false);
            return;
        }

        switch (record.State)
        {
            case PluginState.NotStarted:
                await AllocateAsync(record).ConfigureAwait(false);
                break;
            case PluginState.AllocationTokenAcquired:
                await CreateAsync(record).ConfigureAwait(false);
                break;
            case PluginState.ResourcesCreated:
                await PollAsync(record).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask AllocateAsync(TaskRecord<TMeta, TResource> record)
    {
        if (Config.ResourceQuotas.Count == 0)
        {
            record.State = PluginState.AllocationTokenAcquired;
            await CreateAsync(record).ConfigureAwait(false);
            return;
        }

        ResourceRequirements requirements;
        try
        {
            requirements = _plugin.GetResourceRequirements(record.Task);
        }
        catch (Exception exception)
        {
            await FinishAsync(record, PhaseInfo.SystemFailure(HostReasons.SystemError, $"ResourceRequirements of plugin '{Descriptor.Id}' threw {exception.GetType().Name}: {exception.Message}"), PluginState.SystemFailure).ConfigureAwait(false);
            return;
        }

        var status = await _host.Resources.AllocateAsync(requirements.Namespace, record.Task.UniqueName, record.Task.ExecutionId, requirements.Constraints, _host.Stopping).ConfigureAwait(false);
        var now = _host.Time.GetUtcNow();
        if (status != AllocationStatus.Granted)
        {
            // Flyte treats NamespaceQuotaExceeded as an error; it is a wait like any other exhausted quota.
            _host.Metrics.AllocationFailed(Descriptor.Id, requirements.Namespace);
            record.WaitingSince ??= now;
            Emit(record, PhaseInfo.WaitingForResources(HostReasons.WaitingForQuota));
            lock (_gate)
            {
                _waiting.Enqueue(record);
            }

            return;
        }

        _host.Metrics.AllocationGranted(Descriptor.Id, requirements.Namespace, record.WaitingSince is { } since ? now - since : TimeSpan.Zero);
        record.WaitingSince = null;
        record.Token = requirements.Namespace;
        record.State = PluginState.AllocationTokenAcquired;
        Emit(record, PhaseInfo.Queued(HostReasons.AllocationTokenAcquired));
        await CreateAsync(record).ConfigureAwait(false);
    }

    private async ValueTask CreateAsync(TaskRecord<TMeta, TResource> record)
    {
        lock (_gate)
        {
            // Bounded: never more created tasks than the cache holds (Flyte evicts and loses track instead).
            if (_polling.Count >= Config.Caching.Size)
            {
                record.WaitingSince ??= _host.Time.GetUtcNow();
                _waiting.Enqueue(record);
                Emit(record, PhaseInfo.WaitingForResources(HostReasons.WaitingForCacheCapacity));
                return;
            }
        }

        await _writes.AcquireAsync(_host.Stopping).ConfigureAwait(false);
        record.CreateAttempts++;
        Created<TMeta, TResource> created;
        var started = _host.Time.GetTimestamp();
        using (var activity = HostActivity.Start("Create", Descriptor.Id, record))
        {
            try
            {
                created = await _plugin.CreateAsync(record.Task, _host.Stopping).ConfigureAwait(false);
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "create", _host.Time.GetElapsedTime(started), null);
            }
            catch (Exception exception) when (!_host.Stopping.IsCancellationRequested)
            {
                var code = ErrorCode(exception);
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "create", _host.Time.GetElapsedTime(started), code);
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                if (TransientErrors.IsTransient(exception, _host.Stopping) && record.CreateAttempts < _host.Options.CreateRetries.MaxAttempts)
                {
                    var delay = _host.Options.CreateRetries.DelayAfter(record.CreateAttempts);
                    HostLog.CreateRetry(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.CreateAttempts, delay);
                    ScheduleRetry(record, delay);
                    return;
                }

                HostLog.CreateFailed(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.CreateAttempts);
                await FinishAsync(record, PhaseInfo.RetryableFailure(HostReasons.TaskFailedWithError, $"Create failed after {record.CreateAttempts} attempt(s): {exception.Message}"), PluginState.UserFailure).ConfigureAwait(false);
                return;
            }
        }

        // The meta is kept even when Create returned the resource, so an abort can still Delete.
        record.Meta = created.Meta;
        record.MetaSet = true;
        record.State = PluginState.ResourcesCreated;
        Emit(record, PhaseInfo.Queued(HostReasons.Launched, version: 2));
        if (record.AbortRequested || record.TimedOut)
        {
            Schedule(record);
            return;
        }

        lock (_gate)
        {
            _polling[record.Task.UniqueName] = record;
        }

        if (created.HasResource)
        {
            record.Resource = created.Resource!;
            record.ResourceSet = true;
            await ApplyStatusAsync(record).ConfigureAwait(false);
        }
        else if (_host.Options.SyncOnCreate)
        {
            Schedule(record);
        }
    }

    private async ValueTask PollAsync(TaskRecord<TMeta, TResource> record)
    {
        await _reads.AcquireAsync(_host.Stopping).ConfigureAwait(false);
        if (record.IsFinished || record.AbortRequested || record.TimedOut)
        {
            Schedule(record);
            return;
        }

        var started = _host.Time.GetTimestamp();
        using (var activity = HostActivity.Start("Get", Descriptor.Id, record))
        {
            try
            {
                record.Resource = await _plugin.GetAsync(new GetContext<TMeta>(record.Meta!), _host.Stopping).ConfigureAwait(false);
                record.ResourceSet = true;
                record.ConsecutiveGetFailures = 0;
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "get", _host.Time.GetElapsedTime(started), null);
            }
            catch (Exception exception) when (!_host.Stopping.IsCancellationRequested)
            {
                var code = ErrorCode(exception);
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "get", _host.Time.GetElapsedTime(started), code);
                _host.Metrics.SyncError(Descriptor.Id);
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                record.ConsecutiveGetFailures++;
                record.LastGetError = exception.Message;
                HostLog.GetFailed(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.ConsecutiveGetFailures, Config.Caching.MaxSystemFailures);

                // Consecutive failures only: a success resets the count (Flyte never resets it), and exceeding the limit
                // fails the task even after earlier successes (Flyte would keep reporting the stale resource).
                if (record.ConsecutiveGetFailures > Config.Caching.MaxSystemFailures)
                {
                    StopPolling(record);
                    await FinishAsync(record, PhaseInfo.Failure(HostReasons.AutoRefreshCacheFailed,
                        $"Get failed {record.ConsecutiveGetFailures} times in a row (MaxSystemFailures is {Config.Caching.MaxSystemFailures}); last error: {exception.Message}"), PluginState.UserFailure).ConfigureAwait(false);
                }

                return;
            }
        }

        await ApplyStatusAsync(record).ConfigureAwait(false);
    }

    private async ValueTask ApplyStatusAsync(TaskRecord<TMeta, TResource> record)
    {
        PhaseInfo phase;
        var started = _host.Time.GetTimestamp();
        try
        {
            phase = _plugin.Status(new StatusContext<TMeta, TResource>(record.Task, record.Meta!, record.Resource!));
            _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "status", _host.Time.GetElapsedTime(started), null);
        }
        catch (Exception exception)
        {
            _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "status", _host.Time.GetElapsedTime(started), HostReasons.SystemError);
            HostLog.StatusFailed(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName);
            phase = PhaseInfo.SystemFailure(HostReasons.SystemError, $"Status of plugin '{Descriptor.Id}' threw {exception.GetType().Name}: {exception.Message}");
        }

        if (!phase.IsTerminal)
        {
            // NotReady and Undefined keep the created job: Flyte would call Create again and leak the first one.
            Emit(record, phase);
            return;
        }

        StopPolling(record);
        var state = phase.Phase switch
        {
            TaskPhase.Success => PluginState.Succeeded,
            TaskPhase.Aborted => PluginState.Aborted,
            _ => phase.Error?.Kind == ExecutionErrorKind.System ? PluginState.SystemFailure : PluginState.UserFailure,
        };
        if (phase.CleanupOnFailure && phase.Phase.IsFailure())
        {
            record.PendingDelete = DeleteReason.CleanupOnFailure;
            record.AfterDelete = (phase, state);
            await DeleteAsync(record, DeleteReason.CleanupOnFailure).ConfigureAwait(false);
            return;
        }

        await FinishAsync(record, phase, state).ConfigureAwait(false);
    }

    private async ValueTask DeleteAsync(TaskRecord<TMeta, TResource> record, DeleteReason reason)
    {
        await _writes.AcquireAsync(_host.Stopping).ConfigureAwait(false);
        record.DeleteAttempts++;
        var started = _host.Time.GetTimestamp();
        using (var activity = HostActivity.Start("Delete", Descriptor.Id, record))
        {
            try
            {
                await _plugin.DeleteAsync(new DeleteContext<TMeta>(record.Meta!, reason), _host.Stopping).ConfigureAwait(false);
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "delete", _host.Time.GetElapsedTime(started), null);
            }
            catch (Exception exception) when (!_host.Stopping.IsCancellationRequested)
            {
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "delete", _host.Time.GetElapsedTime(started), ErrorCode(exception));
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                if (record.DeleteAttempts < _host.Options.DeleteRetries.MaxAttempts)
                {
                    var delay = _host.Options.DeleteRetries.DelayAfter(record.DeleteAttempts);
                    HostLog.DeleteRetry(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.DeleteAttempts, delay);
                    ScheduleRetry(record, delay);
                    return;
                }

                HostLog.DeleteGaveUp(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.DeleteAttempts);
            }
        }

        record.PendingDelete = null;
        await FinishAsync(record, record.AfterDelete.Phase, record.AfterDelete.State).ConfigureAwait(false);
    }

    private void ScheduleRetry(TaskRecord<TMeta, TResource> record, TimeSpan delay)
    {
        var at = _host.Time.GetUtcNow() + delay;
        record.RetryAt = at;
        lock (_gate)
        {
            _timers.Enqueue(record, at);
        }
    }

    private void StopPolling(TaskRecord<TMeta, TResource> record)
    {
        lock (_gate)
        {
            _polling.Remove(record.Task.UniqueName);
        }
    }

    private async ValueTask FinishAsync(TaskRecord<TMeta, TResource> record, PhaseInfo phase, PluginState state)
    {
        if (record.IsFinished)
        {
            return;
        }

        StopPolling(record);
        record.State = state;
        if (record.Token is { } ns)
        {
            // Released exactly once: the token field is cleared before anything else can see the task finished.
            record.Token = null;
            try
            {
                await _host.Resources.ReleaseAsync(ns, record.Task.UniqueName, CancellationToken.None).ConfigureAwait(false);
                _host.Metrics.Released(Descriptor.Id, ns, success: true);
            }
            catch (Exception exception)
            {
                _host.Metrics.Released(Descriptor.Id, ns, success: false);
                HostLog.ReleaseFailed(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName);
            }
        }

        Emit(record, phase);
        TaskRecord<TMeta, TResource>? waiter;
        lock (_gate)
        {
            _waiting.TryDequeue(out waiter);
        }

        if (waiter is not null)
        {
            Schedule(waiter);
        }

        _host.Finished(record);
        record.Completion.TrySetResult(new TaskResult(record.Task.ExecutionId, phase, state, record.MetaObject, record.ResourceObject));
    }

    private void Emit(TaskRecord record, PhaseInfo phase)
    {
        if (record.Phase.Phase == phase.Phase && record.Phase.Version == phase.Version && !record.IsFinished)
        {
            return;
        }

        record.Phase = phase;
        _host.PhaseChanged(record, new PhaseEvent(record.Task.ExecutionId, record.Task.TaskType, Descriptor.Id, phase, record.State, _host.Time.GetUtcNow()));
    }

    private static string ErrorCode(Exception exception) => exception switch
    {
        System.Net.Http.HttpRequestException { StatusCode: { } status } => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => exception.GetType().Name,
    };
}
