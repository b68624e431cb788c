using System.Threading.Channels;

namespace AsyncPluginGen.Hosting;

// One file on purpose (about 470 lines): who may touch which field (the claim, the lock, and the journal's counters,
// which the task store's snapshots depend on) is one contract, read together.

/// <summary>
/// One in-flight task. Small on purpose: a million of these must fit in memory.
/// <para>
/// One owner, one lock. The step state (step, attempts, backoff, and the typed record's meta, resource and counters)
/// belongs to the worker that holds the claim: the work queue hands a record to one worker at a time, so that state
/// needs no lock and nothing else writes it. What other threads touch (an abort or deadline, the published phase and
/// state, watchers, the outcome) changes only under the record's own lock, which only the record types take.
/// </para>
/// </summary>
internal abstract class TaskRecord
{
    private const int ClaimIdle = 0;
    private const int ClaimQueued = 1;
    private const int ClaimRunning = 2;
    private TaskCompletionSource<TaskResult>? _completion;
    private object? _outcome;
    private readonly long _deadlineTicks;
    private PhaseInfo _phase = PhaseInfo.NotReady("submitted");
    private volatile PluginState _state;
    private TaskInterrupt _interrupt;
    private CancellationTokenSource? _interruptibleCall;
    private List<Channel<PhaseEvent>>? _watchers;
    private TimerSlot? _deadlineTimer;
    private TimerSlot? _retryTimer;
    private long _retryAtTicks;
    private int _attempts;
    private int _claimed;
    private int _dirty;
    private JournalState? _journal;

    protected TaskRecord(TaskContext task, string pluginId, DateTimeOffset? deadline)
    {
        Task = task;
        PluginId = pluginId;
        _deadlineTicks = deadline?.UtcTicks ?? 0;
    }

    public TaskContext Task { get; }

    public string PluginId { get; }

    /// <summary>Recovered from the task store at start-up, not submitted to this host.</summary>
    public bool IsRecovered { get; init; }

    public DateTimeOffset? Deadline => _deadlineTicks == 0 ? null : new DateTimeOffset(_deadlineTicks, TimeSpan.Zero);

    /// <summary>
    /// Completes with the task's result. Made when first asked for: most tasks are followed through events and polls,
    /// and a completion source per task was a sixth of what starting one allocated.
    /// </summary>
    public Task<TaskResult> Completion
    {
        get
        {
            lock (this)
            {
                if (_completion is null)
                {
                    _completion = new TaskCompletionSource<TaskResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (_outcome is TaskResult result)
                    {
                        _completion.SetResult(result);
                    }
                    else if (_outcome is Exception exception)
                    {
                        _completion.SetException(exception);
                    }
                }

                return _completion.Task;
            }
        }
    }

    /// <summary>The step; owned by the worker holding the claim.</summary>
    public TaskStep Step { get; private set; }

    /// <summary>Create (or Do) attempts so far; owned by the worker holding the claim.</summary>
    public int Attempts => _attempts;

    public PluginState State => _state;

    public bool IsFinished => _state is PluginState.Succeeded or PluginState.UserFailure or PluginState.SystemFailure or PluginState.Aborted;

    public PhaseInfo Phase
    {
        get
        {
            lock (this)
            {
                return _phase;
            }
        }
    }

    public TaskInterrupt Interrupt
    {
        get
        {
            lock (this)
            {
                return _interrupt;
            }
        }
    }

    public abstract object? MetaObject { get; }

    public abstract object? ResourceObject { get; }

    /// <summary>Whether a remote job may exist for this task (the typed record knows).</summary>
    public virtual bool JobMayExist => false;

    /// <summary>A Delete was decided and must happen before the task ends (the typed record knows).</summary>
    public virtual bool DeletePending => false;

    // ---- Owner (the worker holding the claim) ----

    public void MoveTo(TaskStep step) => Step = step;

    public int BeginAttempt() => ++_attempts;

    /// <summary>Parks the task in a backoff step until <paramref name="at"/>.</summary>
    public void BackOffUntil(TaskStep backoff, DateTimeOffset at)
    {
        Step = backoff;
        _retryAtTicks = at.UtcTicks;
    }

    public bool RetryDue(DateTimeOffset now) => now.UtcTicks >= _retryAtTicks;

    // ---- Any thread, under the lock ----

    /// <summary>Records an interrupt; false when the task already ended.</summary>
    public bool TryInterrupt(TaskInterrupt interrupt)
    {
        CancellationTokenSource? call;
        lock (this)
        {
            if (IsFinished)
            {
                return false;
            }

            _interrupt |= interrupt;
            call = _interruptibleCall;
            _interruptibleCall = null;
        }

        try
        {
            // Outside the lock: Cancel runs the plugin's callbacks. The worker stops waiting for the call and releases
            // the claim, so the interrupt's Delete does not wait for a hung read.
            call?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended meanwhile.
        }

        OnInterrupted();
        return true;
    }

    /// <summary>Keeps the timer queue's entry for the deadline, released when the task ends (at once if it has).</summary>
    public void HoldDeadlineTimer(TimerSlot slot)
    {
        lock (this)
        {
            if (IsFinished)
            {
                slot.Release();
                return;
            }

            _deadlineTimer = slot;
        }
    }

    /// <summary>Keeps the timer queue's entry for the pending retry (releasing a superseded one), released when the task ends.</summary>
    public void HoldRetryTimer(TimerSlot slot)
    {
        lock (this)
        {
            _retryTimer?.Release();
            if (IsFinished)
            {
                slot.Release();
                _retryTimer = null;
                return;
            }

            _retryTimer = slot;
        }
    }

    /// <summary>
    /// The claim holder starts a call an interrupt cancels (a Get): <paramref name="call"/> is cancelled by the next
    /// interrupt. False, and nothing registered, when the task is already interrupted or ended.
    /// </summary>
    public bool TryEnterInterruptibleCall(CancellationTokenSource call)
    {
        lock (this)
        {
            if (IsFinished || _interrupt != TaskInterrupt.None)
            {
                return false;
            }

            _interruptibleCall = call;
            return true;
        }
    }

    /// <summary>
    /// The interruptible call ended: <paramref name="call"/> is no longer the record's. False when an interrupt took it
    /// (and may still be cancelling it), so it must not be reused.
    /// </summary>
    public bool ExitInterruptibleCall(CancellationTokenSource call)
    {
        lock (this)
        {
            if (_interruptibleCall != call)
            {
                return false;
            }

            _interruptibleCall = null;
            return true;
        }
    }

    /// <summary>Moves the published state forward (NotStarted → AllocationTokenAcquired → ResourcesCreated).</summary>
    public void Advance(PluginState state)
    {
        lock (this)
        {
            if (!IsFinished)
            {
                _state = state;
            }
        }
    }

    /// <summary>Records a non-terminal phase; false (nothing to publish) when unchanged or when the task ended.</summary>
    public bool TryPublish(PhaseInfo phase, DateTimeOffset now, out PhaseEvent phaseEvent)
    {
        lock (this)
        {
            if (IsFinished || (_phase.Phase == phase.Phase && _phase.Version == phase.Version))
            {
                phaseEvent = default;
                return false;
            }

            _phase = phase;
            phaseEvent = Event(now);
            Deliver(phaseEvent, last: false);
            return true;
        }
    }

    /// <summary>
    /// Ends the task with <paramref name="phase"/> and <paramref name="state"/>: once, whoever calls first (a handler, an
    /// abort, the host stopping). Phase, state and the watchers' last event change together, so a watcher sees either the
    /// old state and this event, or the final state only; every watcher's enumeration then ends.
    /// </summary>
    public bool TryFinish(PhaseInfo phase, PluginState state, DateTimeOffset now, out PhaseEvent phaseEvent)
    {
        lock (this)
        {
            if (IsFinished)
            {
                phaseEvent = default;
                return false;
            }

            _phase = phase;
            _state = state;
            Step = TaskStep.Finished;
            phaseEvent = Event(now);
            Deliver(phaseEvent, last: true);

            // The timer queue would otherwise keep the ended task whole until its deadline or retry falls due.
            _deadlineTimer?.Release();
            _retryTimer?.Release();
            _deadlineTimer = null;
            _retryTimer = null;
        }

        OnFinished();
        return true;
    }

    /// <summary>Subscribes <paramref name="watcher"/> and returns the current phase as its first event.</summary>
    public PhaseEvent Watch(Channel<PhaseEvent> watcher, DateTimeOffset now)
    {
        lock (this)
        {
            if (IsFinished)
            {
                watcher.Writer.TryComplete();
            }
            else
            {
                (_watchers ??= []).Add(watcher);
            }

            return Event(now);
        }
    }

    /// <summary>Unsubscribes a watcher that stopped enumerating, so an abandoned enumeration holds nothing.</summary>
    public void Unwatch(Channel<PhaseEvent> watcher)
    {
        lock (this)
        {
            _watchers?.Remove(watcher);
        }
    }

    /// <summary>The task's result, once: the first of <see cref="Complete"/> and <see cref="Fail"/> wins.</summary>
    public void Complete(TaskResult result) => SetOutcome(result)?.TrySetResult(result);

    /// <summary>The task ended without a result (the host stopped, say): its <see cref="Completion"/> throws <paramref name="exception"/>.</summary>
    public void Fail(Exception exception) => SetOutcome(exception)?.TrySetException(exception);

    // ---- The work queue's claim (interlocked: taken on every schedule, never blocking) ----
    // Idle → Queued (scheduled: in a lane of the work queue) → Running (a worker, or a batch poll, holds it) → Idle.

    /// <summary>Marks that something happened; then claims the record for one worker. False: a worker already has it.</summary>
    public bool MarkDirtyAndClaim()
    {
        Volatile.Write(ref _dirty, 1);
        return Interlocked.CompareExchange(ref _claimed, ClaimQueued, ClaimIdle) == ClaimIdle;
    }

    /// <summary>Claims the record without marking it (a batch poll takes only idle records).</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _claimed, ClaimRunning, ClaimIdle) == ClaimIdle;

    /// <summary>Whether the record waits in the work queue, claimed but not yet taken by a worker.</summary>
    public bool IsQueued => Volatile.Read(ref _claimed) == ClaimQueued;

    /// <summary>A worker takes the queued record; false when another entry of it was taken already.</summary>
    public bool TryStartQueued() => Interlocked.CompareExchange(ref _claimed, ClaimRunning, ClaimQueued) == ClaimQueued;

    // Both below are full fences, not volatile writes: each is a store followed by loads that must not pass it (the
    // task's state for ClearDirty, the mark for ReleaseClaim), while a scheduler stores the mark, then tries the claim.
    // With a plain release store the processor may let those loads go first, and the mark is lost: a task whose abort
    // or due retry arrives at that moment is never run again.

    /// <summary>The worker took the record: what happened so far is what it is about to read.</summary>
    public void ClearDirty() => Interlocked.Exchange(ref _dirty, 0);

    /// <summary>Releases the claim; true when something happened meanwhile and the record must run again.</summary>
    public bool ReleaseClaim()
    {
        Interlocked.Exchange(ref _claimed, ClaimIdle);
        return Volatile.Read(ref _dirty) == 1 && !IsFinished;
    }

    // ---- The task store's journal (see TaskJournal; unused without a store) ----

    /// <summary>Changes a restarted host must know about, counted.</summary>
    public long Changes => _journal?.Changes ?? 0;

    /// <summary>How many of <see cref="Changes"/> are durable in the store.</summary>
    public long DurableChanges => _journal?.DurableChanges ?? 0;

    /// <summary>The context (at the first write) and the meta (once known) are written once; these say whether they were.</summary>
    public bool ContextStored
    {
        get => _journal?.ContextStored ?? false;
        set => Journal.ContextStored = value;
    }

    public bool MetaStored
    {
        get => _journal?.MetaStored ?? false;
        set => Journal.MetaStored = value;
    }

    public void CountChange() => Journal.CountChange();

    /// <summary>Marks the task for the journal's next batch; false when it is marked already.</summary>
    public bool TryMarkForJournal() => Journal.TryMark();

    public void UnmarkForJournal() => Journal.Unmark();

    public void MarkDurable(long changes) => Journal.MarkDurable(changes);

    /// <summary>
    /// What a restarted host needs to resume the task, as it is now. Taken by the journal while a worker may be changing
    /// the task: a field changed meanwhile marks the task again, so the next batch writes it whole.
    /// </summary>
    public virtual TaskProgress CaptureProgress()
    {
        lock (this)
        {
            return new TaskProgress
            {
                State = _state,
                Phase = _phase,
                Interrupt = _interrupt,
                Deadline = Deadline,
                Attempts = _attempts,
            };
        }
    }

    /// <summary>Restores the counters and interrupt of a task recovered from the store, before anything runs it.</summary>
    public void RestoreProgress(in TaskProgress progress)
    {
        // The state is not restored: it follows from what the task has (a meta), and moves forward again as it runs.
        _attempts = progress.Attempts;
        _phase = progress.Phase.IsTerminal || progress.Phase.Phase == TaskPhase.Undefined ? _phase : progress.Phase;
        _interrupt = progress.Interrupt;
    }

    /// <summary>Called once an interrupt is recorded, outside the lock.</summary>
    protected virtual void OnInterrupted()
    {
    }

    /// <summary>Called once, when the task ended, outside the lock.</summary>
    protected virtual void OnFinished()
    {
    }

    /// <summary>Records the outcome when it is the first; returns the completion source to complete, if one was made.</summary>
    private TaskCompletionSource<TaskResult>? SetOutcome(object outcome)
    {
        lock (this)
        {
            if (_outcome is not null)
            {
                return null;
            }

            _outcome = outcome;
            return _completion;
        }
    }

    // Made on first use, by whichever thread changes the task first; only hosts with a task store get here.
    private JournalState Journal => Volatile.Read(ref _journal) ?? Interlocked.CompareExchange(ref _journal, new JournalState(), null) ?? _journal!;

    private PhaseEvent Event(DateTimeOffset now) => new(Task.ExecutionId, Task.TaskType, PluginId, _phase, _state, now);

    private void Deliver(PhaseEvent phaseEvent, bool last)
    {
        if (_watchers is not { } watchers)
        {
            return;
        }

        foreach (var watcher in watchers)
        {
            watcher.Writer.TryWrite(phaseEvent);
            if (last)
            {
                watcher.Writer.TryComplete();
            }
        }

        if (last)
        {
            _watchers = null;
        }
    }
}
