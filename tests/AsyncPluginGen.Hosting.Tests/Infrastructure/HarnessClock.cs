using Microsoft.Extensions.Time.Testing;

namespace AsyncPluginGen.Hosting.Tests.Infrastructure;

/// <summary>
/// The clock a test host runs on: the time is a <see cref="FakeTimeProvider"/>'s, but the timers made here run only on
/// the thread that calls <see cref="Advance"/>, never on a thread that merely reads the time or arms a timer.
/// <para>
/// Why not the <see cref="FakeTimeProvider"/>'s own timers: every <c>GetUtcNow</c> and every timer <c>Change</c> runs its
/// due timers on the calling thread, and a second thread finding that loop busy leaves the work to it. So a host worker
/// that reads the clock can end up running the host's tick; when the test advances the clock meanwhile, the fake
/// reschedules the periodic tick one period after the new time, and the tick at that instant never runs (a retry due
/// then is never woken, and the test waits in vain). <c>HarnessClockTests</c> shows the lost tick.
/// </para>
/// <para>
/// Why not <c>ManualClock</c> (the benchmarks' allocation-free clock, linked here for the poll-cycle allocation test): it
/// keeps a time of its own, runs a periodic timer once per advance and timers due together in no set order. The harness
/// shares one fake time with its plugins and with a restarted host, and keeps the fake's order (earliest first, then
/// arming order) and its zero-due-time behaviour, which its tests were written against.
/// </para>
/// </summary>
internal sealed class HarnessClock : TimeProvider
{
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    private readonly FakeTimeProvider _time;
    private readonly DateTimeOffset _startUtc;
    private readonly long _startTimestamp;
    private readonly List<HarnessTimer> _scheduled = [];
    private readonly object _advancing = new();
    private long _order;

    /// <param name="time">The time; advancing it directly moves this clock too, but runs none of its timers.</param>
    public HarnessClock(FakeTimeProvider time)
    {
        _time = time;
        _startUtc = time.GetUtcNow();
        _startTimestamp = time.GetTimestamp();
    }

    /// <summary>The fake time provider this clock reads.</summary>
    public FakeTimeProvider Time => _time;

    /// <summary>Timers waiting to run (armed and not disposed).</summary>
    public int ScheduledTimers
    {
        get
        {
            lock (_scheduled)
            {
                return _scheduled.Count;
            }
        }
    }

    // Read through the timestamp: the fake's GetUtcNow would run its own timers on this thread.
    public override DateTimeOffset GetUtcNow() => _startUtc + _time.GetElapsedTime(_startTimestamp);

    public override long GetTimestamp() => _time.GetTimestamp();

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new HarnessTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the time forward by <paramref name="delta"/>, then runs every timer due, earliest first, on this thread; a
    /// periodic timer runs once per period that has passed (as <see cref="FakeTimeProvider"/> runs it).
    /// </summary>
    /// <param name="delta">How far to move; not negative.</param>
    public void Advance(TimeSpan delta)
    {
        lock (_advancing)
        {
            _time.Advance(delta);
            var now = GetUtcNow();
            while (TakeDue(now) is { } due)
            {
                due.Callback(due.State);
            }
        }
    }

    private HarnessTimer? TakeDue(DateTimeOffset now)
    {
        lock (_scheduled)
        {
            HarnessTimer? first = null;
            foreach (var timer in _scheduled)
            {
                if (timer.Due <= now && (first is null || (timer.Due, timer.Order).CompareTo((first.Due, first.Order)) < 0))
                {
                    first = timer;
                }
            }

            if (first is null)
            {
                return null;
            }

            if (first.Period > TimeSpan.Zero)
            {
                first.Due += first.Period;
                first.Order = ++_order;
            }
            else
            {
                _scheduled.Remove(first);
            }

            return first;
        }
    }

    /// <summary>Arms or disarms <paramref name="timer"/>; true when it must run at once (due now, as a zero due time asks).</summary>
    private bool Arm(HarnessTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_scheduled)
        {
            _scheduled.Remove(timer);
            if (timer.Disposed || dueTime == Infinite)
            {
                return false;
            }

            timer.Period = period == Infinite ? TimeSpan.Zero : period;
            timer.Due = GetUtcNow() + dueTime;
            timer.Order = ++_order;
            if (dueTime > TimeSpan.Zero || timer.Period > TimeSpan.Zero)
            {
                if (dueTime == TimeSpan.Zero)
                {
                    timer.Due += timer.Period; // runs now (below), then once per period
                }

                _scheduled.Add(timer);
            }

            return dueTime == TimeSpan.Zero;
        }
    }

    private void Disarm(HarnessTimer timer)
    {
        lock (_scheduled)
        {
            timer.Disposed = true;
            _scheduled.Remove(timer);
        }
    }

    /// <summary>One timer of a <see cref="HarnessClock"/>.</summary>
    private sealed class HarnessTimer(HarnessClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        // Guarded by the clock's schedule lock.
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public long Order { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Infinite);
            ArgumentOutOfRangeException.ThrowIfLessThan(period, Infinite);
            if (Disposed)
            {
                return false;
            }

            if (clock.Arm(this, dueTime, period))
            {
                // Due now: run here, as the fake (and, a moment later, a system timer) would.
                Callback(State);
            }

            return true;
        }

        public void Dispose() => clock.Disarm(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
