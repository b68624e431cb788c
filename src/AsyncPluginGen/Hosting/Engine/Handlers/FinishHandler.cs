namespace AsyncPluginGen.Hosting;

/// <summary>
/// Ends an async task: it leaves the polling set, its quota token is released, its outcome published, and the tasks
/// waiting for the token or the cache slot it freed are woken.
/// </summary>
internal sealed class FinishHandler<TMeta, TResource>(
    HostContext host,
    QuotaGate<TMeta, TResource> quota,
    CapacityGate<TMeta, TResource> capacity,
    StepScheduler<AsyncTaskRecord<TMeta, TResource>> scheduler)
    where TMeta : notnull
    where TResource : notnull
{
    public async ValueTask FinishAsync(AsyncTaskRecord<TMeta, TResource> record, PhaseInfo phase, PluginState state)
    {
        if (record.IsFinished)
        {
            return;
        }

        var wasPolled = capacity.StopPolling(record);
        var released = await quota.ReleaseAsync(record).ConfigureAwait(false);
        TaskEnd.Finish(host, record, phase, state);

        // A created task held a cache slot, even if it already left the polling set on its way here.
        if (released is { } ns && quota.TakeWaiter(ns) is { } quotaWaiter)
        {
            scheduler.Schedule(quotaWaiter);
        }

        if ((wasPolled || record.HasMeta) && capacity.TakeWaiter() is { } capacityWaiter)
        {
            scheduler.Schedule(capacityWaiter);
        }
    }
}
