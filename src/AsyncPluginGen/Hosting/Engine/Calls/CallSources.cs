namespace AsyncPluginGen.Hosting;

/// <summary>
/// Reusable cancellation sources for remote calls, so a call that completes at once allocates nothing. A source comes
/// back only when nothing cancelled it (a time-out, an interrupt, a cancelled caller token dispose it instead).
/// </summary>
internal sealed class CallSources : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CallSource?[] _free;
    private int _count;
    private bool _disposed;

    public CallSources(TimeProvider time, int capacity)
    {
        _time = time;
        _free = new CallSource?[Math.Max(1, capacity)];
    }

    /// <summary>A source that is not cancelled and not armed.</summary>
    public CallSource Rent()
    {
        lock (_free)
        {
            if (_count > 0)
            {
                var source = _free[--_count]!;
                _free[_count] = null;
                return source;
            }
        }

        return new CallSource(_time);
    }

    /// <summary>
    /// The call that rented <paramref name="source"/> ended and nothing else can cancel it any more (its registrations
    /// are disposed, the task record let go of it): reused when it resets, else disposed.
    /// </summary>
    public void Return(CallSource source)
    {
        if (source.TryDisarmAndReset())
        {
            lock (_free)
            {
                if (!_disposed && _count < _free.Length)
                {
                    _free[_count++] = source;
                    return;
                }
            }
        }

        source.Dispose();
    }

    public void Dispose()
    {
        lock (_free)
        {
            _disposed = true;
            for (var i = 0; i < _count; i++)
            {
                _free[i]!.Dispose();
                _free[i] = null;
            }

            _count = 0;
        }
    }
}

/// <summary>
/// A call's cancellation source with its own timer on the host's clock. Not the source's built-in timer
/// (<c>new CancellationTokenSource(delay, timeProvider)</c>): <see cref="CancellationTokenSource.TryReset"/> refuses a
/// source whose timer is not the system's, so it could never be reused on a test or benchmark clock.
/// <para>
/// A timer callback may run late, after the call it was armed for ended and the source went to another call. It
/// cancels only when the source is armed and the current arming's time has passed (then the current call is due
/// anyway); when it comes early it re-arms the timer for the rest. Arming, disarming and the check share one lock.
/// </para>
/// <para>
/// The timer cancels outside that lock (cancelling runs the plugin's callbacks), so the call may end between the
/// timer's decision and its <see cref="CancellationTokenSource.Cancel()"/>: <see cref="TryDisarmAndReset"/> must then
/// refuse the source, or the late cancel would hit the next call. The decision is recorded under the lock for that.
/// </para>
/// </summary>
internal sealed class CallSource : CancellationTokenSource
{
    private static readonly TimerCallback OnTimer = static state => ((CallSource)state!).Fire();

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private long _armedAt;
    private TimeSpan _limit;
    private bool _armed;
    private bool _fired;

    public CallSource(TimeProvider time)
    {
        _time = time;
        if (ExecutionContext.IsFlowSuppressed())
        {
            _timer = time.CreateTimer(OnTimer, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        else
        {
            // The timer outlives the call that created it: it must not keep that call's context (its span, say).
            using (ExecutionContext.SuppressFlow())
            {
                _timer = time.CreateTimer(OnTimer, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Cancels the source once <paramref name="limit"/> has passed on the host's clock.</summary>
    public void Arm(TimeSpan limit)
    {
        lock (_gate)
        {
            _armedAt = _time.GetTimestamp();
            _limit = limit;
            _armed = true;
            _timer.Change(limit, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the timer; true when the source was not cancelled and is reset for another call.</summary>
    public bool TryDisarmAndReset()
    {
        lock (_gate)
        {
            if (_fired)
            {
                return false; // The timer is cancelling it, or did: never reused.
            }

            _armed = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        return TryReset();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _armed = false;
                _timer.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (!_armed)
            {
                return; // Fired for a call that has ended.
            }

            var elapsed = _time.GetElapsedTime(_armedAt);
            if (elapsed < _limit)
            {
                _timer.Change(_limit - elapsed, Timeout.InfiniteTimeSpan); // Early, or fired for an earlier arming.
                return;
            }

            _armed = false;
            _fired = true;
        }

        try
        {
            Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The abandoned call ended and its source was disposed meanwhile.
        }
    }
}
