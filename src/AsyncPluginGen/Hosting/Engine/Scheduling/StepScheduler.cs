namespace AsyncPluginGen.Hosting;

/// <summary>
/// When a plugin's tasks run next: now (the work queue), or at an instant (the timer queue, read on the host's tick) for
/// deadlines and retry backoffs.
/// </summary>
internal sealed class StepScheduler<TRecord>
    where TRecord : TaskRecord
{
    private readonly HostContext _host;
    private readonly string _pluginId;
    private readonly TimerQueue<TRecord> _timers = new();

    public StepScheduler(HostContext host, string pluginId, int workers, Func<TRecord, ValueTask> process)
    {
        _host = host;
        _pluginId = pluginId;
        Queue = new WorkQueue<TRecord>(workers, process, host.Stopping);
    }

    public WorkQueue<TRecord> Queue { get; }

    /// <summary>Runs the task's next step as soon as a worker is free (once more, if a worker holds it now).</summary>
    public void Schedule(TRecord record) => Queue.Schedule(record);

    /// <summary>Starts a new task: its deadline, if any, is armed, and its first step scheduled.</summary>
    public void Start(TRecord record)
    {
        if (record.Deadline is { } deadline)
        {
            record.HoldDeadlineTimer(_timers.Add(record, deadline));
        }

        Queue.Schedule(record);
    }

    /// <summary>Parks the task in <paramref name="backoff"/> and wakes it when <paramref name="delay"/> has passed.</summary>
    public void RetryLater(TRecord record, TaskStep backoff, TimeSpan delay, string operation)
    {
        var at = _host.Time.GetUtcNow() + delay;
        record.BackOffUntil(backoff, at);
        record.HoldRetryTimer(_timers.Add(record, at));
        _host.Metrics.Retry(_pluginId, record.Task.TaskType, operation);
    }

    /// <summary>How many timer entries still hold a task (ended tasks let go of theirs); for tests.</summary>
    internal int HeldTimers => _timers.HeldRecords;

    /// <summary>
    /// The host's tick: tasks whose deadline passed are interrupted, and every task due is scheduled (with
    /// <paramref name="alsoDue"/>, the resync's share).
    /// </summary>
    public void RunDue(DateTimeOffset now, List<TRecord> alsoDue)
    {
        _timers.TakeDue(now, alsoDue);
        foreach (var record in alsoDue)
        {
            if (record.Deadline is { } deadline && deadline <= now)
            {
                if (record.TryInterrupt(TaskInterrupt.Timeout))
                {
                    _host.Persist(record);
                }
            }

            Queue.Schedule(record);
        }

        alsoDue.Clear();
    }
}
