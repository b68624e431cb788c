namespace AsyncPluginGen.Hosting;

/// <summary>
/// A token bucket refilled only by the host's clock: <c>Qps × elapsed</c> on each tick, capped at <c>Burst</c>, so
/// time comes from <see cref="TimeProvider"/> and no 1-second window sees more than <c>Qps + Burst</c> permits.
/// Waiters are served in arrival order. (System.Threading.RateLimiting's bucket refills from the real clock even
/// with manual replenishment, so it cannot be driven by a <see cref="TimeProvider"/>.)
/// </summary>
internal sealed class ClockedTokenBucket : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private readonly double _qps;
    private readonly int _burst;
    private readonly Action? _throttled;
    private DateTimeOffset _last;
    private double _tokens;

    /// <param name="config">Rate and burst.</param>
    /// <param name="now">The clock's current instant: the bucket starts full then.</param>
    /// <param name="throttled">Called each time a caller has to wait for a permit, for the throttling metric.</param>
    public ClockedTokenBucket(RateLimiterConfig config, DateTimeOffset now, Action? throttled = null)
    {
        _throttled = throttled;
        _qps = config.Qps;
        _burst = config.Burst;
        _tokens = config.Burst;
        _last = now;
    }

    /// <summary>Waits for a permit. Throws <see cref="OperationCanceledException"/> when the host stops.</summary>
    public ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_waiters.Count == 0 && _tokens >= 1)
            {
                _tokens -= 1;
                return ValueTask.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        _throttled?.Invoke();

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetCanceled(), waiter);
            waiter.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return new ValueTask(waiter.Task);
    }

    public void Refill(DateTimeOffset now)
    {
        List<TaskCompletionSource>? released = null;
        lock (_gate)
        {
            var elapsed = (now - _last).TotalSeconds;
            _last = now;
            if (elapsed > 0)
            {
                _tokens = Math.Min(_tokens + (elapsed * _qps), _burst);
            }

            while (_tokens >= 1 && _waiters.TryDequeue(out var waiter))
            {
                // A waiter cancelled while queued takes no permit.
                if (waiter.Task.IsCompleted)
                {
                    continue;
                }

                _tokens -= 1;
                (released ??= new()).Add(waiter);
            }
        }

        if (released is null)
        {
            return;
        }

        foreach (var waiter in released)
        {
            if (!waiter.TrySetResult())
            {
                lock (_gate)
                {
                    _tokens = Math.Min(_tokens + 1, _burst);
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            while (_waiters.TryDequeue(out var waiter))
            {
                waiter.TrySetCanceled();
            }
        }

        return ValueTask.CompletedTask;
    }
}
