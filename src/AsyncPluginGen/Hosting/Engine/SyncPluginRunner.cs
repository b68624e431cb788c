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

    public SyncPluginRunner(ISyncPlugin plugin, PluginConfig config, HostContext host)
    {
        _plugin = plugin;
        _host = host;
        Config = config;
        _writes = new ClockedTokenBucket(config.WriteRateLimiter, host.Time.GetUtcNow());
    }

    public override PluginDescriptor Descriptor => _plugin.Descriptor;

    public override PluginConfig Config { get; }

    public override int PollingCount => 0;

    public override TaskRecord Submit(TaskContext task, DateTimeOffset now, DateTimeOffset? deadline)
    {
        var record = new TaskRecord<string, string>(task, Descriptor.Id, now) { Deadline = deadline };
        _ = Task.Run(() => RunAsync(record));
        return record;
    }

    public override void Signal(TaskRecord record)
    {
    }

    public override void Tick(DateTimeOffset now) => _writes.Refill(now);

    public override ValueTask DisposeAsync() => _writes.DisposeAsync();

    private async Task RunAsync(TaskRecord record)
    {
        PhaseInfo phase;
        PluginState state;
        while (true)
        {
            try
            {
                await _writes.AcquireAsync(_host.Stopping).ConfigureAwait(false);
                record.CreateAttempts++;
                var started = _host.Time.GetTimestamp();
                using var activity = HostActivity.Start("Do", Descriptor.Id, record);
                phase = await _plugin.DoAsync(record.Task, _host.Stopping).ConfigureAwait(false);
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
            catch (Exception exception)
            {
                _host.Metrics.Operation(Descriptor.Id, record.Task.TaskType, "do", TimeSpan.Zero, exception.GetType().Name);
                if (TransientErrors.IsTransient(exception, _host.Stopping) && record.CreateAttempts < _host.Options.CreateRetries.MaxAttempts)
                {
                    await Task.Delay(_host.Options.CreateRetries.DelayAfter(record.CreateAttempts), _host.Time, _host.Stopping).ConfigureAwait(false);
                    continue;
                }

                (phase, state) = (PhaseInfo.RetryableFailure(HostReasons.TaskFailedWithError, $"Do failed after {record.CreateAttempts} attempt(s): {exception.Message}"), PluginState.UserFailure);
                break;
            }
        }

        record.State = state;
        record.Phase = phase;
        _host.PhaseChanged(record, new PhaseEvent(record.Task.ExecutionId, record.Task.TaskType, Descriptor.Id, phase, state, _host.Time.GetUtcNow()));
        _host.Finished(record);
        record.Completion.TrySetResult(new TaskResult(record.Task.ExecutionId, phase, state, null, null));
    }
}
