using System.Buffers;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Drives the tasks of one async plugin through Flyte's state machine (NotStarted → AllocationTokenAcquired →
/// ResourcesCreated → terminal), with one work queue and <c>Caching.Workers</c> workers: no per-task timer, thread or
/// loop. Polling is a resync sweep of the created tasks every <c>Caching.ResyncInterval</c>.
/// The runner only dispatches: <see cref="TaskSteps.Next"/> picks the step, a handler runs it.
/// </summary>
internal sealed class AsyncPluginRunner<TMeta, TResource> : PluginRunner
    where TMeta : notnull
    where TResource : notnull
{
    private readonly IAsyncPlugin<TMeta, TResource> _plugin;
    private readonly HostContext _host;
    private readonly RemoteCalls _calls;
    private readonly QuotaGate<TMeta, TResource> _quota;
    private readonly CapacityGate<TMeta, TResource> _capacity;
    private readonly StepScheduler<AsyncTaskRecord<TMeta, TResource>> _scheduler;
    private readonly BackgroundWork _background;
    private readonly FinishHandler<TMeta, TResource> _finish;
    private readonly DeleteHandler<TMeta, TResource> _delete;
    private readonly CreateHandler<TMeta, TResource> _create;
    private readonly PollHandler<TMeta, TResource> _poll;
    private readonly IResourceMetaSerializer<TMeta>? _metaSerializer;
    private readonly List<AsyncTaskRecord<TMeta, TResource>> _due = [];
    private DateTimeOffset _nextResync;

    public AsyncPluginRunner(IAsyncPlugin<TMeta, TResource> plugin, PluginConfig config, HostContext host)
    {
        _plugin = plugin;
        _host = host;
        Config = config;
        var id = plugin.Descriptor.Id;
        _calls = new RemoteCalls(host, config, id);
        _quota = new QuotaGate<TMeta, TResource>(host, id, config.ResourceQuotas);
        _capacity = new CapacityGate<TMeta, TResource>(config.Caching.Size);
        _background = new BackgroundWork(host.Logger, id);
        _scheduler = new StepScheduler<AsyncTaskRecord<TMeta, TResource>>(host, id, config.Caching.Workers, ProcessAsync);
        _finish = new FinishHandler<TMeta, TResource>(host, _quota, _capacity, _scheduler);
        _delete = new DeleteHandler<TMeta, TResource>(host, plugin, _calls, _capacity, _scheduler, _finish);
        var status = new StatusHandler<TMeta, TResource>(host, plugin, _capacity, _delete, _finish);
        _create = new CreateHandler<TMeta, TResource>(host, plugin, _calls, _quota, _capacity, _scheduler, status, _finish);
        _poll = new PollHandler<TMeta, TResource>(host, plugin, config, _calls, _scheduler, status, _delete);
        _metaSerializer = (plugin as IResourceMetaSerializerProvider<TMeta>)?.ResourceMetaSerializer;
        _nextResync = host.Time.GetUtcNow() + config.Caching.ResyncInterval;
        host.Metrics.TrackCache(id, () => PollingCount);
    }

    public override PluginDescriptor Descriptor => _plugin.Descriptor;

    public override PluginConfig Config { get; }

    public override int PollingCount => _capacity.PollingCount;

    public override int HeldTimers => _scheduler.HeldTimers;

    public override TaskRecord CreateRecord(TaskContext task, DateTimeOffset? deadline) =>
        new AsyncTaskRecord<TMeta, TResource>(task, Descriptor.Id, deadline);

    public override void Start(TaskRecord record) => _scheduler.Start((AsyncTaskRecord<TMeta, TResource>)record);

    public override StoredTask Capture(TaskRecord record, ArrayBufferWriter<byte> buffer, DateTimeOffset now)
    {
        var typed = (AsyncTaskRecord<TMeta, TResource>)record;
        byte[]? meta = null;
        if (typed.HasMeta && !typed.MetaStored && _metaSerializer is { } serializer)
        {
            // Without a serializer the meta is not stored, and a recovered task learns it again from its idempotent Create.
            meta = ResourceMetaSerializer.Serialize(serializer, typed.Meta);
        }

        return StoredTaskWriter.Write(record, meta, buffer, now);
    }

    public override TaskRecord Restore(TaskContext task, in TaskProgress progress, byte[]? meta)
    {
        var record = new AsyncTaskRecord<TMeta, TResource>(task, Descriptor.Id, progress.Deadline) { IsRecovered = true, ContextStored = true };
        var hasMeta = meta is not null && _metaSerializer is not null;
        var value = hasMeta ? ResourceMetaSerializer.Deserialize(_metaSerializer!, meta) : default;
        record.Restore(progress, value, hasMeta);
        return record;
    }

    public override async ValueTask ResumeAsync(TaskRecord record)
    {
        var typed = (AsyncTaskRecord<TMeta, TResource>)record;
        if (typed.DeletePending)
        {
            // Abort, deadline or cleanup was decided before the restart: finish it (the step is Delete already).
        }
        else if (typed.HasMeta)
        {
            typed.MoveTo(TaskStep.Poll);
            await _quota.ReadoptAsync(typed, _plugin).ConfigureAwait(false);
            if (typed.Interrupt == TaskInterrupt.None)
            {
                _capacity.StartPolling(typed);
            }
        }
        else
        {
            // Not created, or created with its meta unknown: Create again, with the same unique name as idempotency key.
            typed.MoveTo(TaskStep.Allocate);
        }

        _scheduler.Start(typed);
    }

    public override void Signal(TaskRecord record) => _scheduler.Schedule((AsyncTaskRecord<TMeta, TResource>)record);

    /// <summary>Called by one tick at a time (the host serialises its ticks), so <see cref="_due"/> is reused.</summary>
    public override void Tick(DateTimeOffset now)
    {
        _calls.Refill(now);
        if (now >= _nextResync)
        {
            // The resync: every created task is polled once per interval, and waiters get another chance.
            _nextResync = now + Config.Caching.ResyncInterval;
            if (_poll.BatchPlugin is { } batchPlugin)
            {
                foreach (var chunk in _capacity.Polled().Chunk(batchPlugin.MaxBatchSize))
                {
                    _background.Start(() => _poll.PollBatchAsync(chunk));
                }
            }
            else
            {
                _capacity.AddPolledTo(_due);
            }

            _quota.TakeAllWaiters(_due);
            _capacity.TakeAllWaiters(_due);
        }

        _scheduler.RunDue(now, _due);
    }

    public override async Task StopAsync()
    {
        _scheduler.Queue.Complete();
        await _scheduler.Queue.Stopped.ConfigureAwait(false);
        await _background.Stopped.ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await _calls.DisposeAsync().ConfigureAwait(false);
        _poll.Dispose();
    }

    private async ValueTask ProcessAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        try
        {
            await DispatchAsync(record).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
        {
            throw; // The host stops: the worker ends; the host ends the task.
        }
        catch (Exception exception)
        {
            // A bug in the host must not lose the task: it ends as a system failure that names the cause.
            HostLog.UnexpectedError(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName);
            await _finish.FinishAsync(record, PhaseInfo.SystemFailure(HostReasons.SystemError, $"The host failed while driving the task: {exception.Message}"), PluginState.SystemFailure).ConfigureAwait(false);
        }
    }

    private ValueTask DispatchAsync(AsyncTaskRecord<TMeta, TResource> record)
    {
        if (record.IsFinished)
        {
            return ValueTask.CompletedTask;
        }

        var step = record.Step;
        var interrupt = record.Interrupt;
        var next = TaskSteps.Next(step, interrupt, record.RetryDue(_host.Time.GetUtcNow()), record.JobMayExist);
        if (next == step && TaskSteps.IsBackoff(step))
        {
            return ValueTask.CompletedTask; // Its timer wakes it.
        }

        if (next != step && next is TaskStep.Finished or TaskStep.Delete && interrupt != TaskInterrupt.None && !TaskSteps.IsDeleting(step))
        {
            var (phase, state, reason) = TaskSteps.Outcome(interrupt, record.Deadline);
            if (next == TaskStep.Finished)
            {
                return _finish.FinishAsync(record, phase, state);
            }

            _capacity.StopPolling(record);
            record.BeginDelete(reason, phase, state);
        }

        record.MoveTo(next);
        return next switch
        {
            TaskStep.Allocate => _create.AllocateAsync(record),
            TaskStep.Create => _create.CreateAsync(record),
            TaskStep.Poll => _poll.PollAsync(record),
            TaskStep.Delete => _delete.DeleteAsync(record),
            _ => ValueTask.CompletedTask,
        };
    }
}
