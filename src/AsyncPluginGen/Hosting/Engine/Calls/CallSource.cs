namespace AsyncPluginGen.Hosting;

/// <summary>
/// A call's cancellation source with its own timer on the host's clock. Not the source's built-in timer
/// (<c>new CancellationTokenSource(delay, timeProvider)</c>): <see cref="CancellationTokenSource.TryReset"/> refuses a
/// source whose timer is not the system's, so it could never be reused on a test or benchmark clock.
/// <para>
/// The timer is armed only for a call that did not complete at once (<see cref="Arm"/> takes the instant the call
/// started, so the limit still counts from then): most polls return a resource without waiting, and arming and
/// disarming a timer for each of them was a large share of a poll.
/// </para>
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
    private readonly CallSources _owner;
    private ITimer? _timer;
    private long _armedAt;
    private TimeSpan _limit;
    private bool _armed;
    private bool _armedForThisCall;
    private bool _fired;

    public CallSource(TimeProvider time, CallSources owner)
    {
        _time = time;
        _owner = owner;
    }

    /// <summary>Cancels the source once <paramref name="limit"/> has passed on the host's clock since <paramref name="startedAt"/>.</summary>
    /// <param name="limit">The call's timeout.</param>
    /// <param name="startedAt">The call's start, a timestamp of the host's clock.</param>
    public void Arm(TimeSpan limit, long startedAt)
    {
        lock (_gate)
        {
            _armedAt = startedAt;
            _limit = limit;
            _armed = true;
            _armedForThisCall = true;
            var remaining = limit - _time.GetElapsedTime(startedAt);
            (_timer ??= CreateTimer()).Change(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the timer; true when the source was not cancelled and is reset for another call.</summary>
    public bool TryDisarmAndReset()
    {
        // Only an armed source can have fired: a call that completed at once needs no lock and no timer.
        if (_armedForThisCall)
        {
            lock (_gate)
            {
                if (_fired)
                {
                    return false; // The timer is cancelling it, or did: never reused.
                }

                _armed = false;
                _armedForThisCall = false;
                _timer!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
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
                _timer?.Dispose();
            }

            _owner.Forget(this);
        }

        base.Dispose(disposing);
    }

    private ITimer CreateTimer()
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return _time.CreateTimer(OnTimer, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        // The timer outlives the call that created it: it must not keep that call's context (its span, say).
        using (ExecutionContext.SuppressFlow())
        {
            return _time.CreateTimer(OnTimer, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
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
                _timer!.Change(_limit - elapsed, Timeout.InfiniteTimeSpan); // Early, or fired for an earlier arming.
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
