using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting;

// Still whole: issue 12 splits this runner by concern (task steps, admission gates, one remote-call wrapper, step
// handlers, queues). Issue 11 added only the outputs step (WriteOutputsAsync) here, to keep that refactor in one place.

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
    private readonly IBatchGetPlugin<TMeta, TResource>? _batchPlugin;
    private readonly SemaphoreSlim _batchSlots;
    private readonly HostContext _host;
    private readonly Channel<TaskRecord<TMeta, TResource>> _work = Channel.CreateUnbounded<TaskRecord<TMeta, TResource>>();
    private readonly Dictionary<string, TaskRecord<TMeta, TResource>> _polling = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceNamespace, Queue<TaskRecord<TMeta, TResource>>> _waitingForQuota = new();
    private readonly Queue<TaskRecord<TMeta, TResource>> _waitingForCapacity = new();
    private int _creating;
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
        _batchPlugin = plugin is IBatchGetPlugin<TMeta, TResource> { MaxBatchSize: > 1 } batch ? batch : null;
        _batchSlots = new SemaphoreSlim(config.Caching.Workers);
        _host = host;
        Config = config;
        var now = host.Time.GetUtcNow();
        _reads = new ClockedTokenBucket(config.ReadRateLimiter, now, () => host.Metrics.Throttled(plugin.Descriptor.Id, "read"));
        _writes = new ClockedTokenBucket(config.WriteRateLimiter, now, () => host.Metrics.Throttled(plugin.Descriptor.Id, "write"));
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
        List<TaskRecord<TMeta, TResource>[]>? batches = null;
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
                if (_batchPlugin is null)
                {
                    (due ??= new()).AddRange(_polling.Values);
                }
                else
                {
                    batches = _polling.Values.Chunk(_batchPlugin.MaxBatchSize).ToList();
                }

                foreach (var queue in _waitingForQuota.Values)
                {
                    while (queue.TryDequeue(out var waiter))
                    {
                        (due ??= new()).Add(waiter);
                    }
                }

                while (_waitingForCapacity.TryDequeue(out var waiter))
                {
                    (due ??= new()).Add(waiter);
                }
            }
        }

        foreach (var batch in batches ?? [])
        {
            _ = Task.Run(() => PollBatchAsync(batch));
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
        // A pending retry waits for its timer. An abort or deadline cuts a Create backoff short, but never a Delete
        // backoff: a repeated abort (Flyte's propeller re-sends it every round) must not burn the Delete retries.
        if (record.RetryAt is { } retryAt && retryAt > now && (record.PendingDelete is not null || (!record.AbortRequested && !record.TimedOut)))
        {
            return;
        }

        record.RetryAt = null;
        if (record.PendingDelete is null && (record.AbortRequested || record.TimedOut))
        {
            var (phase, state, reason) = record.AbortRequested
                ? (PhaseInfo.Aborted(HostReasons.Aborted), PluginState.Aborted, DeleteReason.Aborted)
                : (PhaseInfo.RetryableFailure(HostReasons.TimeoutExpired, $"The task did not finish before its deadline {record.Deadline:O}."), PluginState.UserFailure, DeleteReason.TimeoutExpired);
            if (!record.MetaSet && !record.CreateMayHaveSucceeded)
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
                if (!_waitingForQuota.TryGetValue(requirements.Namespace, out var queue))
                {
                    _waitingForQuota[requirements.Namespace] = queue = new Queue<TaskRecord<TMeta, TResource>>();
                }

                queue.Enqueue(record);
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
            // Bounded: never more created (or being created) tasks than the cache holds; Flyte evicts and loses track instead.
            if (_polling.Count + _creating >= Config.Caching.Size)
            {
                record.WaitingSince ??= _host.Time.GetUtcNow();
                _waitingForCapacity.Enqueue(record);
                Emit(record, PhaseInfo.WaitingForResources(HostReasons.WaitingForCacheCapacity));
                return;
            }

            _creating++;
            record.HoldsCreateSlot = true;
        }

        try
        {
            await CreateAdmittedAsync(record).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                ReleaseCreateSlot(record);
            }
        }
    }

    /// <summary>Under <see cref="_gate"/>: the task no longer counts as a create in flight (once, however it ended).</summary>
    private void ReleaseCreateSlot(TaskRecord<TMeta, TResource> record)
    {
        if (record.HoldsCreateSlot)
        {
            record.HoldsCreateSlot = false;
            _creating--;
        }
    }

    private async ValueTask CreateAdmittedAsync(TaskRecord<TMeta, TResource> record)
    {
        await _writes.AcquireAsync(_host.Stopping).ConfigureAwait(false);
        if (record.AbortRequested || record.TimedOut)
        {
            Schedule(record); // Aborted while waiting for the permit: never create the job.
            return;
        }

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
                var transient = TransientErrors.IsTransient(exception, _host.Stopping);
                record.CreateMayHaveSucceeded |= transient;
                if (transient && record.CreateAttempts < _host.Options.CreateRetries.MaxAttempts && !record.AbortRequested && !record.TimedOut)
                {
                    var delay = _host.Options.CreateRetries.DelayAfter(record.CreateAttempts);
                    HostLog.CreateRetry(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.CreateAttempts, delay);
                    ScheduleRetry(record, delay, "create");
                    return;
                }

                if (record.AbortRequested || record.TimedOut)
                {
                    Schedule(record); // The abort path decides whether a job may exist and must be deleted.
                    return;
                }

                HostLog.CreateFailed(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.CreateAttempts);
                if (record.CreateMayHaveSucceeded)
                {
                    // An earlier attempt may have created the job although this one failed: find it and delete it.
                    record.PendingDelete = DeleteReason.CleanupOnFailure;
                    record.AfterDelete = (PhaseInfo.RetryableFailure(HostReasons.TaskFailedWithError, $"Create failed after {record.CreateAttempts} attempt(s): {exception.Message}"), PluginState.UserFailure);
                    Schedule(record);
                    return;
                }

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
            // The slot moves from "being created" to "polled" in one step: counted twice even briefly, a task near
            // Caching.Size would park another one although there is room.
            _polling[record.Task.UniqueName] = record;
            ReleaseCreateSlot(record);
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
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                await CountGetFailureAsync(record, exception).ConfigureAwait(false);
                return;
            }
        }

        await ApplyStatusAsync(record).ConfigureAwait(false);
    }

    /// <summary>
    /// One batched Get for a resync's share of created tasks: one read permit, one remote call. A task another worker
    /// holds (an abort in progress, a poll after Create) is left out and polled at the next resync.
    /// </summary>
    private async Task PollBatchAsync(TaskRecord<TMeta, TResource>[] candidates)
    {
        var batch = candidates.Where(r => !r.IsFinished && Interlocked.CompareExchange(ref r.Scheduled, 1, 0) == 0).ToList();
        if (batch.Count == 0)
        {
            return;
        }

        var slot = false;
        try
        {
            // Batches share the plugin's worker budget: no more than Caching.Workers remote reads at once.
            await _batchSlots.WaitAsync(_host.Stopping).ConfigureAwait(false);
            slot = true;
            await _reads.AcquireAsync(_host.Stopping).ConfigureAwait(false);
            var started = _host.Time.GetTimestamp();
            IReadOnlyList<TResource>? resources = null;
            Exception? failure = null;
            using (var activity = HostActivity.Start("GetBatch", Descriptor.Id, batch[0]))
            {
                try
                {
                    resources = await _batchPlugin!.GetBatchAsync(batch.Select(r => r.Meta!).ToList(), _host.Stopping).ConfigureAwait(false);
                    if (resources.Count != batch.Count)
                    {
                        throw new InvalidOperationException($"GetBatchAsync of plugin '{Descriptor.Id}' returned {resources.Count} resources for {batch.Count} metas; it must return one per meta, in order.");
                    }
                }
                catch (Exception exception) when (!_host.Stopping.IsCancellationRequested)
                {
                    failure = exception;
                    activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                }
            }

            _host.Metrics.Operation(Descriptor.Id, batch[0].Task.TaskType, "get_batch", _host.Time.GetElapsedTime(started), failure is null ? null : ErrorCode(failure));
            for (var i = 0; i < batch.Count; i++)
            {
                var record = batch[i];
                if (record.IsFinished || record.AbortRequested || record.TimedOut)
                {
                    continue;
                }

                if (failure is null)
                {
                    record.Resource = resources![i];
                    record.ResourceSet = true;
                    record.ConsecutiveGetFailures = 0;
                    await ApplyStatusAsync(record).ConfigureAwait(false);
                }
                else
                {
                    await CountGetFailureAsync(record, failure).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            if (slot)
            {
                _batchSlots.Release();
            }

            foreach (var record in batch)
            {
                Interlocked.Exchange(ref record.Scheduled, 0);
                if (Volatile.Read(ref record.Dirty) == 1 && !record.IsFinished)
                {
                    Schedule(record);
                }
            }
        }
    }

    private async ValueTask CountGetFailureAsync(TaskRecord<TMeta, TResource> record, Exception exception)
    {
        _host.Metrics.SyncError(Descriptor.Id);
        record.ConsecutiveGetFailures++;
        record.LastGetError = exception.Message;
        HostLog.GetFailed(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.ConsecutiveGetFailures, Config.Caching.MaxSystemFailures);

        // Consecutive failures only: a success resets the count (Flyte never resets it), and exceeding the limit
        // fails the task even after earlier successes (Flyte would keep reporting the stale resource).
        if (record.ConsecutiveGetFailures > Config.Caching.MaxSystemFailures)
        {
            // The job may still be running, and nobody will watch it again: cancel it before reporting the failure
            // (Flyte reports the failure and leaves the job running).
            StopPolling(record);
            await CleanUpThenFailAsync(record, PhaseInfo.Failure(HostReasons.AutoRefreshCacheFailed,
                $"Get failed {record.ConsecutiveGetFailures} times in a row (MaxSystemFailures is {Config.Caching.MaxSystemFailures}); last error: {exception.Message}"), PluginState.UserFailure).ConfigureAwait(false);
        }
    }

    private async ValueTask ApplyStatusAsync(TaskRecord<TMeta, TResource> record)
    {
        PhaseInfo phase;
        var statusThrew = false;
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
            statusThrew = true;
        }

        if (!phase.IsTerminal)
        {
            // NotReady and Undefined keep the created job: Flyte would call Create again and leak the first one.
            Emit(record, phase);
            return;
        }

        StopPolling(record);
        if (phase.Phase == TaskPhase.Success && _plugin is ITaskOutputsPlugin<TMeta, TResource> producer)
        {
            phase = await WriteOutputsAsync(producer, record, phase).ConfigureAwait(false);
        }

        var state = phase.Phase switch
        {
            TaskPhase.Success => PluginState.Succeeded,
            TaskPhase.Aborted => PluginState.Aborted,
            _ => phase.Error?.Kind == ExecutionErrorKind.System ? PluginState.SystemFailure : PluginState.UserFailure,
        };
        // A Status that threw says nothing about the job, which may still be running: cancel it like a cleanup.
        if ((phase.CleanupOnFailure || statusThrew) && phase.Phase.IsFailure())
        {
            await CleanUpThenFailAsync(record, phase, state).ConfigureAwait(false);
            return;
        }

        await FinishAsync(record, phase, state).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a succeeded job's outputs and writes them to the task's output writer, as propeller writes outputs.pb
    /// before it reports success. Outputs that cannot be read or written fail the task (Flyte's OutputsNotFound).
    /// </summary>
    private async ValueTask<PhaseInfo> WriteOutputsAsync(ITaskOutputsPlugin<TMeta, TResource> producer, TaskRecord<TMeta, TResource> record, PhaseInfo success)
    {
        try
        {
            var outputs = await producer.GetOutputsAsync(new StatusContext<TMeta, TResource>(record.Task, record.Meta!, record.Resource!), _host.Stopping).ConfigureAwait(false);
            if (outputs is { } json)
            {
                await record.Task.Outputs.WriteOutputsAsync(json, _host.Stopping).ConfigureAwait(false);
            }

            return success;
        }
        catch (Exception exception) when (!_host.Stopping.IsCancellationRequested)
        {
            return PhaseInfo.SystemFailure(HostReasons.OutputsNotFound, $"The job succeeded, but its outputs could not be read or written: {exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>Deletes the job with reason CleanupOnFailure, retried like any Delete, then ends the task with <paramref name="phase"/>.</summary>
    private ValueTask CleanUpThenFailAsync(TaskRecord<TMeta, TResource> record, PhaseInfo phase, PluginState state)
    {
        record.PendingDelete = DeleteReason.CleanupOnFailure;
        record.AfterDelete = (phase, state);
        return DeleteAsync(record, DeleteReason.CleanupOnFailure);
    }

    private async ValueTask DeleteAsync(TaskRecord<TMeta, TResource> record, DeleteReason reason)
    {
        if (!record.MetaSet)
        {
            // Recovering the meta is a Create call: it takes a write permit of its own.
            await _writes.AcquireAsync(_host.Stopping).ConfigureAwait(false);
            record.DeleteAttempts++;
            if (!await RecoverMetaAsync(record).ConfigureAwait(false))
            {
                return;
            }
        }
        else
        {
            record.DeleteAttempts++;
        }

        await _writes.AcquireAsync(_host.Stopping).ConfigureAwait(false);

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
                    ScheduleRetry(record, delay, "delete");
                    return;
                }

                HostLog.DeleteGaveUp(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.DeleteAttempts);
            }
        }

        record.PendingDelete = null;
        await FinishAsync(record, record.AfterDelete.Phase, record.AfterDelete.State).ConfigureAwait(false);
    }

    /// <summary>
    /// A Create whose outcome is unknown may have created the job. Create is idempotent on the unique name, so calling it
    /// again returns that job's meta (or creates it), which Delete then removes. Returns false when a retry was scheduled
    /// or the task ended.
    /// </summary>
    private async ValueTask<bool> RecoverMetaAsync(TaskRecord<TMeta, TResource> record)
    {
        try
        {
            var created = await _plugin.CreateAsync(record.Task, _host.Stopping).ConfigureAwait(false);
            record.Meta = created.Meta;
            record.MetaSet = true;
            return true;
        }
        catch (Exception exception) when (!_host.Stopping.IsCancellationRequested)
        {
            if (TransientErrors.IsTransient(exception, _host.Stopping) && record.DeleteAttempts < _host.Options.DeleteRetries.MaxAttempts)
            {
                ScheduleRetry(record, _host.Options.DeleteRetries.DelayAfter(record.DeleteAttempts), "delete");
                return false;
            }

            // Not transient: the service says no job exists for this key (or refuses it); nothing is left to delete.
            HostLog.DeleteGaveUp(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName, record.DeleteAttempts);
            record.PendingDelete = null;
            await FinishAsync(record, record.AfterDelete.Phase, record.AfterDelete.State).ConfigureAwait(false);
            return false;
        }
    }

    private void ScheduleRetry(TaskRecord<TMeta, TResource> record, TimeSpan delay, string operation)
    {
        _host.Metrics.Retry(Descriptor.Id, record.Task.TaskType, operation);
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

        bool wasPolled;
        lock (_gate)
        {
            wasPolled = _polling.Remove(record.Task.UniqueName);
        }

        var released = record.Token;
        if (released is { } ns)
        {
            // Released exactly once: the token field is cleared before anything else can see it.
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

        // The terminal phase and state are published together, so a watcher never sees a finished task with a stale phase.
        Emit(record, phase, state);
        // A created task held a cache slot, even if it already left the polling set on its way here.
        WakeWaiters(released, wasPolled || record.MetaSet);
        _host.Finished(record);
        record.Completion.TrySetResult(new TaskResult(record.Task.ExecutionId, phase, state, record.MetaObject, record.ResourceObject));
    }

    /// <summary>A freed token wakes the oldest live waiter of its namespace; a freed cache slot, the oldest waiting for capacity.</summary>
    private void WakeWaiters(ResourceNamespace? releasedNamespace, bool freedCapacity)
    {
        TaskRecord<TMeta, TResource>? quotaWaiter = null;
        TaskRecord<TMeta, TResource>? capacityWaiter = null;
        lock (_gate)
        {
            if (releasedNamespace is { } ns && _waitingForQuota.TryGetValue(ns, out var queue))
            {
                quotaWaiter = DequeueLive(queue);
            }

            if (freedCapacity)
            {
                capacityWaiter = DequeueLive(_waitingForCapacity);
            }
        }

        if (quotaWaiter is not null)
        {
            Schedule(quotaWaiter);
        }

        if (capacityWaiter is not null)
        {
            Schedule(capacityWaiter);
        }
    }

    private static TaskRecord<TMeta, TResource>? DequeueLive(Queue<TaskRecord<TMeta, TResource>> queue)
    {
        // Waiters that ended meanwhile (aborted, timed out) must not swallow the wake-up.
        while (queue.TryDequeue(out var waiter))
        {
            if (!waiter.IsFinished)
            {
                return waiter;
            }
        }

        return null;
    }

    private void Emit(TaskRecord record, PhaseInfo phase, PluginState? finalState = null) =>
        TaskEvents.Publish(record, phase, finalState, Descriptor.Id, _host);

    private static string ErrorCode(Exception exception) => PluginRunnerErrors.Code(exception);
}
