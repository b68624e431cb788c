namespace AsyncPluginGen.Hosting;

/// <summary>What the gates' waiting queues share.</summary>
internal static class Waiters
{
    /// <summary>The oldest waiter still running: one that ended meanwhile (aborted, timed out) must not swallow a wake-up.</summary>
    public static TRecord? DequeueLive<TRecord>(Queue<TRecord> queue)
        where TRecord : TaskRecord
    {
        while (queue.TryDequeue(out var waiter))
        {
            if (!waiter.IsFinished)
            {
                return waiter;
            }
        }

        return null;
    }
}
