namespace AsyncPluginGen.Hosting;

/// <summary>
/// Reusable cancellation sources for remote calls, so a call that completes at once allocates nothing. Each source is
/// created once with the host's clock (its timer is the clock's), armed per call with
/// <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>, and comes back only when
/// <see cref="CancellationTokenSource.TryReset"/> succeeds, that is, when nothing cancelled it. A cancelled source (a
/// time-out, an interrupt, a cancelled caller token) is disposed instead.
/// </summary>
internal sealed class CallSources : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource?[] _free;
    private int _count;
    private bool _disposed;

    public CallSources(TimeProvider time, int capacity)
    {
        _time = time;
        _free = new CancellationTokenSource?[Math.Max(1, capacity)];
    }

    /// <summary>A source that is not cancelled and not armed.</summary>
    public CancellationTokenSource Rent()
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

        return new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
    }

    /// <summary>
    /// The call that rented <paramref name="source"/> ended and nothing else can cancel it any more (its registrations
    /// are disposed, the task record let go of it): reused when it resets, else disposed.
    /// </summary>
    public void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
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
