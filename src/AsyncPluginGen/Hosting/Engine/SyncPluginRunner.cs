using System.Diagnostics;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Runs sync plugins: one Do call through the write rate limiter, retried like Create when it fails transiently.
/// A Do that returns a non-terminal phase is a system failure: there is nothing to poll.
/// </summary>
internal sealed class SyncPluginRunner : PluginRunner
{
    private readonly ISyncPlugin _plugin;
    private readonly HostContext _host;
    private readonly ClockedTokenBucket _writes;
    private readonly PriorityQueue<SyncTaskRecord, DateTimeOffset> _deadlines = new();

    public SyncPluginRunner(ISyncPlugin plugin, PluginConfig config, HostContext host)
    {
        _plugin = plugin;
        _host = host;
        Config = config;
        _writes = new ClockedTokenBucket(config.WriteRateLimiter, host.Time.GetUtcNow(), () => host.Metrics.Throttled(plugin.Descriptor.Id, "write"));
    }

    public override PluginDescriptor Descriptor => _plugin.Descriptor;

    public override PluginConfig Config { get; }

    public override int PollingCount => 0;

    public override TaskRecord Submit(TaskContext task, DateTimeOffset now, DateTimeOffset? deadline)
    {
        var record = new SyncTaskRecord(task, Descriptor.Id, now, _host.Stopping) { Deadline = deadline };
        if (deadline is { } due)
        {
            // Checked on the host's tick, like every other deadline: Do is a single call, so the deadline cancels it.
            lock (_deadlines)
            {
                _deadlines.Enqueue(record, due);
            }
        }

        _ = Task.Run(() => RunAsync(record));
        return record;
    }

    public override void Signal(TaskRecord record)
    {
        if (record.AbortRequested && record is SyncTaskRecord sync)
        {
            sync.Cancellation.Cancel();
        }
    }

    public override void Tick(DateTimeOffset now)
    {
        _writes.Refill(now);
        List<SyncTaskRecord>? due = null;
        lock (_deadlines)
        {
            while (_deadlines.TryPeek(out var record, out var at) && at <= now)
            {
                _deadlines.Dequeue();
                (due ??= new()).Add(record);
            }
        }

        foreach (var record in due ?? [])
        {
            if (!record.IsFinished)
            {
                record.TimedOut = true;
                record.Cancellation.Cancel();
            }
        }
    }

    public override ValueTask DisposeAsync() => _writes.DisposeAsync();

    private async Task RunAsync(SyncTaskRecord record)
    {
        var cancellation = record.Cancellation.Token;
        PhaseInfo phase;
        PluginState state;
        while (true)
        {
            try
            {
                await _writes.AcquireAsync(cancellation).ConfigureAwait(false);
                record.CreateAttempts++;
                var started = _host.Time.GetTimestamp();
                using var activity = HostActivity.Start("Do", Descriptor.Id, record);
                phase = await _plugin.DoAsync(record.Task, cancellation).ConfigureAwait(false);
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "do", _host.Time.GetElapsedTime(started), null);
                state = phase.Phase switch
                {
                    TaskPhase.Success => PluginState.Succeeded,
                    _ when !phase.IsTerminal => PluginState.SystemFailure,
                    _ => phase.Error?.Kind == ExecutionErrorKind.System ? PluginState.SystemFailure : PluginState.UserFailure,
                };
                if (!phase.IsTerminal)
                {
                    phase = PhaseInfo.SystemFailure(HostReasons.SystemError, $"Sync plugin '{Descriptor.Id}' returned {phase.Phase}, which is not terminal; Do must return the task's outcome.");
                }

                break;
            }
            catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (record.Cancellation.IsCancellationRequested)
            {
                (phase, state) = record.AbortRequested
                    ? (PhaseInfo.Aborted(HostReasons.Aborted), PluginState.Aborted)
                    : (PhaseInfo.RetryableFailure(HostReasons.TimeoutExpired, $"The task did not finish before its deadline {record.Deadline:O}."), PluginState.UserFailure);
                break;
            }
            catch (Exception exception)
            {
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "do", TimeSpan.Zero, PluginRunnerErrors.Code(exception));
                if (TransientErrors.IsTransient(exception, _host.Stopping) && record.CreateAttempts < _host.Options.CreateRetries.MaxAttempts)
                {
                    _host.Metrics.Retry(Descriptor.Id, record.Task.TaskType, "do");
                    try
                    {
                        await Task.Delay(_host.Options.CreateRetries.DelayAfter(record.CreateAttempts), _host.Time, cancellation).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!_host.Stopping.IsCancellationRequested)
                    {
                        continue; // The next iteration sees the cancellation and ends the task as aborted or timed out.
                    }

                    continue;
                }

                (phase, state) = (PhaseInfo.RetryableFailure(HostReasons.TaskFailedWithError, $"Do failed after {record.CreateAttempts} attempt(s): {exception.Message}"), PluginState.UserFailure);
                break;
            }
        }

        TaskEvents.Publish(record, phase, state, Descriptor.Id, _host);
        _host.Finished(record);
        record.Completion.TrySetResult(new TaskResult(record.Task.ExecutionId, phase, state, null, null));
    }
}

/// <summary>A sync task: its cancellation ends the single Do call on abort or deadline.</summary>
internal sealed class SyncTaskRecord(TaskContext task, string pluginId, DateTimeOffset submittedAt, CancellationToken stopping)
    : TaskRecord(task, pluginId, submittedAt)
{
    public CancellationTokenSource Cancellation { get; } = CancellationTokenSource.CreateLinkedTokenSource(stopping);

    public override bool HasMeta => false;

    public override object? MetaObject => null;

    public override object? ResourceObject => null;
}
