using System.Buffers;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Runs sync plugins with the async runner's pieces: the work queue and timer queue, the remote-call wrapper (write
/// permit, span, metrics), <see cref="TaskSteps.Next"/> and <see cref="TaskEnd"/>. A task is one Do call, retried like
/// Create after a transient failure; Do calls run on the plugin's <c>Caching.Workers</c> workers, as propeller runs Do
/// on its own. Abort, deadline and host stop cancel the call in flight. A Do that returns a non-terminal phase is a
/// system failure: there is nothing to poll.
/// </summary>
internal sealed class SyncPluginRunner : PluginRunner
{
    private readonly ISyncPlugin _plugin;
    private readonly HostContext _host;
    private readonly RemoteCalls _calls;
    private readonly StepScheduler<SyncTaskRecord> _scheduler;
    private readonly List<SyncTaskRecord> _due = [];

    public SyncPluginRunner(ISyncPlugin plugin, PluginConfig config, HostContext host)
    {
        _plugin = plugin;
        _host = host;
        Config = config;
        _calls = new RemoteCalls(host, config, plugin.Descriptor.Id);
        _scheduler = new StepScheduler<SyncTaskRecord>(host, plugin.Descriptor.Id, config.Caching.Workers, ProcessAsync);
    }

    public override PluginDescriptor Descriptor => _plugin.Descriptor;

    public override PluginConfig Config { get; }

    public override int PollingCount => 0;

    public override int HeldTimers => _scheduler.HeldTimers;

    public override TaskRecord CreateRecord(TaskContext task, DateTimeOffset? deadline)
    {
        var record = new SyncTaskRecord(task, Descriptor.Id, deadline);
        record.MoveTo(TaskStep.Create);
        return record;
    }

    public override void Start(TaskRecord record) => _scheduler.Start((SyncTaskRecord)record);

    public override StoredTask Capture(TaskRecord record, ArrayBufferWriter<byte> buffer, DateTimeOffset now) =>
        StoredTaskWriter.Write(record, meta: null, buffer, now);

    public override TaskRecord Restore(TaskContext task, in TaskProgress progress, byte[]? meta)
    {
        var record = new SyncTaskRecord(task, Descriptor.Id, progress.Deadline) { IsRecovered = true, ContextStored = true };
        record.RestoreProgress(progress);
        record.MoveTo(TaskStep.Create);
        return record;
    }

    /// <summary>A sync task has no remote job to find: Do runs again (as propeller re-runs it), unless it was interrupted.</summary>
    public override ValueTask ResumeAsync(TaskRecord record)
    {
        Start(record);
        return ValueTask.CompletedTask;
    }

    public override void Signal(TaskRecord record) => _scheduler.Schedule((SyncTaskRecord)record);

    public override void Tick(DateTimeOffset now)
    {
        _calls.Refill(now);
        _scheduler.RunDue(now, _due);
    }

    public override async Task StopAsync()
    {
        _scheduler.Queue.Complete();
        await _scheduler.Queue.Stopped.ConfigureAwait(false);
    }

    public override ValueTask DisposeAsync() => _calls.DisposeAsync();

    private async ValueTask ProcessAsync(SyncTaskRecord record)
    {
        try
        {
            await DoAsync(record).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            HostLog.UnexpectedError(_host.Logger, exception, Descriptor.Id, record.Task.UniqueName);
            TaskEnd.Finish(_host, record, PhaseInfo.SystemFailure(HostReasons.SystemError, $"The host failed while driving the task: {exception.Message}"), PluginState.SystemFailure);
        }
    }

    private async ValueTask DoAsync(SyncTaskRecord record)
    {
        if (record.IsFinished)
        {
            return;
        }

        var step = record.Step;
        var interrupt = record.Interrupt;
        var next = TaskSteps.Next(step, interrupt, record.RetryDue(_host.Time.GetUtcNow()), jobMayExist: false);
        if (next == step && TaskSteps.IsBackoff(step))
        {
            return;
        }

        if (next == TaskStep.Finished)
        {
            var (phase, state, _) = TaskSteps.Outcome(interrupt, record.Deadline);
            TaskEnd.Finish(_host, record, phase, state);
            return;
        }

        record.MoveTo(TaskStep.Create);

        // Write-ahead, as for Create: the task is in the store before Do runs, so a crash cannot forget it.
        await _host.DurableAsync(record).ConfigureAwait(false);
        var outcome = await _calls.InvokeAsync(
            RemoteOperation.Do,
            record,
            (_plugin, record),
            static (s, ct) =>
            {
                s.record.BeginAttempt();
                return s._plugin.DoAsync(s.record.Task, ct);
            },
            record.CallToken).ConfigureAwait(false);
        using (outcome)
        {
            switch (outcome.Result)
            {
                case CallResult.Succeeded:
                    var returned = outcome.Value;
                    var phase = returned.IsTerminal
                        ? returned
                        : PhaseInfo.SystemFailure(HostReasons.SystemError, $"Sync plugin '{Descriptor.Id}' returned {returned.Phase}, which is not terminal; Do must return the task's outcome.");
                    TaskEnd.Finish(_host, record, phase, TaskSteps.FinalState(phase));
                    return;
                case CallResult.Interrupted:
                    return; // The interrupt scheduled the task again: it ends aborted or timed out.
                case CallResult.Permanent:
                    var permanent = (PermanentTaskFailureException)outcome.Exception!;
                    TaskEnd.Finish(_host, record, PhaseInfo.Failure(permanent.Code, permanent.Message), PluginState.UserFailure);
                    return;
                case CallResult.Transient when record.Attempts < _host.Options.CreateRetries.MaxAttempts:
                    _scheduler.RetryLater(record, TaskStep.CreateBackoff, _host.Options.CreateRetries.DelayAfter(record.Attempts), "do");
                    return;
                default:
                    TaskEnd.Finish(_host, record, PhaseInfo.RetryableFailure(HostReasons.TaskFailedWithError, $"Do failed after {record.Attempts} attempt(s): {outcome.Exception!.Message}"), PluginState.UserFailure);
                    return;
            }
        }
    }
}
