namespace AsyncPluginGen.Benchmarks.Infrastructure;

/// <summary>
/// A clock that moves only when told. <see cref="Advance"/> fires every timer that fell due, on the caller's thread; a
/// periodic timer fires once per advance however far the clock moved. Timers are kept in a hash set, so a million
/// one-shot timers (the naive loops' <c>Task.Delay</c>) cost what a timer queue entry costs, not a list scan. Unlike
/// FakeTimeProvider, arming and re-arming a timer allocates nothing, so what an allocation count sees is the code under
/// test (the host tests' poll-cycle allocation test links this file).
/// </summary>
/// <param name="start">The clock's first reading; 2025-01-01 UTC when not given.</param>
internal sealed class ManualClock(DateTimeOffset? start = null) : TimeProvider
{
    private readonly object _gate = new();
    private readonly HashSet<Timer> _timers = [];
    private readonly List<Timer> _due = [];
    private long _ticks = (start ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).UtcTicks;

    // Volatile, not Interlocked.Read: an interlocked read writes the cache line, and every poll reads the clock from
    // several threads (a 64-bit read is atomic in a 64-bit process, which is all this runs in).
    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Volatile.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock and fires the timers that fell due.</summary>
    public void Advance(TimeSpan by)
    {
        var now = Interlocked.Add(ref _ticks, by.Ticks);
        Timer[] due;
        lock (_gate)
        {
            _due.Clear();
            foreach (var timer in _timers)
            {
                if (timer.DueAt <= now)
                {
                    _due.Add(timer);
                }
            }

            foreach (var timer in _due)
            {
                if (timer.Period > 0)
                {
                    timer.DueAt = now + timer.Period;
                }
                else
                {
                    _timers.Remove(timer);
                }
            }

            due = [.. _due];
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class Timer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long DueAt;

        public long Period;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    clock._timers.Remove(this);
                    return true;
                }

                DueAt = Interlocked.Read(ref clock._ticks) + dueTime.Ticks;
                Period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                clock._timers.Add(this);
                return true;
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
