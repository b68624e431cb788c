namespace AsyncPluginGen.Hosting;

/// <summary>
/// The capacity gate and the polling set it guards: never more created (or being created) tasks than
/// <c>Caching.Size</c>, where Flyte's LRU would evict a task and lose track of its job. A task refused a slot parks
/// here until a created task ends, or the resync.
/// </summary>
internal sealed class CapacityGate<TMeta, TResource>(int size)
    where TMeta : notnull
    where TResource : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<string, AsyncTaskRecord<TMeta, TResource>> _polling = new(StringComparer.Ordinal);
    private readonly Queue<AsyncTaskRecord<TMeta, TResource>> _waiting = new();
    private int _creating;

    /// <summary>Tasks created remotely and being polled.</summary>
    public int PollingCount
    {
        get
        {
            lock (_gate)
            {
                return _polling.Count;
            }
        }
    }

    /// <summary>Takes a create slot. False: the cache is full and the task is parked.</summary>
    public bool TryAdmit(AsyncTaskRecord<TMeta, TResource> record)
    {
        lock (_gate)
        {
            if (_polling.Count + _creating >= size)
            {
                _waiting.Enqueue(record);
                return false;
            }

            _creating++;
            record.HoldsCreateSlot = true;
            return true;
        }
    }

    /// <summary>The task no longer counts as a create in flight (once, however its Create ended).</summary>
    public void ReleaseSlot(AsyncTaskRecord<TMeta, TResource> record)
    {
        lock (_gate)
        {
            ReleaseSlotLocked(record);
        }
    }

    /// <summary>
    /// The created task is polled from now on. The slot moves from "being created" to "polled" in one step: counted twice
    /// even briefly, a task near <c>Caching.Size</c> would park another one although there is room.
    /// </summary>
    public void StartPolling(AsyncTaskRecord<TMeta, TResource> record)
    {
        lock (_gate)
        {
            _polling[record.Task.UniqueName] = record;
            ReleaseSlotLocked(record);
        }
    }

    /// <summary>Polling stops (the task ends or its job is being deleted); true when it was polled.</summary>
    public bool StopPolling(AsyncTaskRecord<TMeta, TResource> record)
    {
        lock (_gate)
        {
            return _polling.Remove(record.Task.UniqueName);
        }
    }

    /// <summary>
    /// Adds the tasks the resync polls to <paramref name="due"/>, without a copy in between: the runner reuses its list,
    /// so a resync of a steady population allocates nothing.
    /// </summary>
    public void AddPolledTo(List<AsyncTaskRecord<TMeta, TResource>> due)
    {
        lock (_gate)
        {
            due.AddRange(_polling.Values);
        }
    }

    /// <summary>The tasks the resync polls.</summary>
    public AsyncTaskRecord<TMeta, TResource>[] Polled()
    {
        lock (_gate)
        {
            return [.. _polling.Values];
        }
    }

    /// <summary>The oldest live waiter, to try again now that a slot is free.</summary>
    public AsyncTaskRecord<TMeta, TResource>? TakeWaiter()
    {
        lock (_gate)
        {
            return Waiters.DequeueLive(_waiting);
        }
    }

    /// <summary>The resync: every waiter gets another chance.</summary>
    public void TakeAllWaiters(List<AsyncTaskRecord<TMeta, TResource>> into)
    {
        lock (_gate)
        {
            while (_waiting.TryDequeue(out var waiter))
            {
                into.Add(waiter);
            }
        }
    }

    private void ReleaseSlotLocked(AsyncTaskRecord<TMeta, TResource> record)
    {
        if (record.HoldsCreateSlot)
        {
            record.HoldsCreateSlot = false;
            _creating--;
        }
    }
}
