namespace AsyncPluginGen.Hosting;

/// <summary>
/// Reusable cancellation sources for remote calls, so a call that completes at once allocates nothing. A source comes
/// back only when nothing cancelled it (a time-out, an interrupt, a cancelled caller token dispose it instead).
/// The free sources sit in slots taken and filled with one interlocked exchange each: every poll rents one, from
/// several workers at once, and a lock here was contended on every poll.
/// <para>
/// Every source made here is known until it is disposed, so the host's stop cancels them all at once
/// (<see cref="CancelAll"/>) instead of each call registering with the host's token: that token is shared by every
/// worker of every plugin, and registering and unregistering with it on each poll contended on its lock.
/// </para>
/// </summary>
internal sealed class CallSources : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CallSource?[] _free;
    private readonly HashSet<CallSource> _all = [];
    private volatile bool _disposed;

    public CallSources(TimeProvider time, int capacity)
    {
        _time = time;
        _free = new CallSource?[Math.Max(1, capacity)];
    }

    /// <summary>A source that is not cancelled and not armed.</summary>
    public CallSource Rent()
    {
        for (var i = 0; i < _free.Length; i++)
        {
            if (Volatile.Read(ref _free[i]) is not null && Interlocked.Exchange(ref _free[i], null) is { } source)
            {
                return source;
            }
        }

        var created = new CallSource(_time, this);
        lock (_all)
        {
            _all.Add(created);
        }

        return created;
    }

    /// <summary>Cancels every source, rented or free (the host stops; a source cancelled while free is never reused).</summary>
    public void CancelAll()
    {
        CallSource[] all;
        lock (_all)
        {
            all = [.. _all];
        }

        foreach (var source in all)
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: its call has ended.
            }
        }
    }

    /// <summary>A source was disposed: nothing is left to cancel in it.</summary>
    internal void Forget(CallSource source)
    {
        lock (_all)
        {
            _all.Remove(source);
        }
    }

    /// <summary>
    /// The call that rented <paramref name="source"/> ended and nothing else can cancel it any more (its registrations
    /// are disposed, the task record let go of it): reused when it resets, else disposed.
    /// </summary>
    public void Return(CallSource source)
    {
        if (!_disposed && source.TryDisarmAndReset())
        {
            for (var i = 0; i < _free.Length; i++)
            {
                if (Volatile.Read(ref _free[i]) is null && Interlocked.CompareExchange(ref _free[i], source, null) is null)
                {
                    // Disposed meanwhile: whoever takes it out of the slot disposes it (Dispose's sweep, or this).
                    if (_disposed && Interlocked.CompareExchange(ref _free[i], null, source) == source)
                    {
                        source.Dispose();
                    }

                    return;
                }
            }
        }

        source.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        for (var i = 0; i < _free.Length; i++)
        {
            Interlocked.Exchange(ref _free[i], null)?.Dispose();
        }
    }
}
