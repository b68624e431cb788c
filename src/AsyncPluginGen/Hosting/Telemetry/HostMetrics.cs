using System.Diagnostics.Metrics;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// The host's instruments on meter <see cref="MeterName"/>: Flyte's webapi metrics under their Flyte names
/// (allocation_grant_success/failed, resource_release_success/failed, resource_wait_time, sync_errors, cache size),
/// plus what Flyte lacks: a latency histogram and an error counter per operation (create, get, delete, status),
/// tagged by plugin, task type and error code; a retry counter per operation; a counter of Deletes that gave up (asyncplugin.delete.gave_up: the remote job may
/// still exist); and a counter of calls that waited for
/// a rate-limit permit, per limiter (read or write).
/// </summary>
public sealed class HostMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "AsyncPluginGen.Host";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _grantSuccess;
    private readonly Counter<long> _grantFailed;
    private readonly Counter<long> _releaseSuccess;
    private readonly Counter<long> _releaseFailed;
    private readonly Histogram<double> _waitTime;
    private readonly Counter<long> _syncErrors;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _deleteGaveUp;
    private readonly Counter<long> _recovered;
    private readonly Counter<long> _leftRunning;
    private readonly System.Collections.Concurrent.ConcurrentBag<(string PluginId, Func<int> Size)> _caches = new();

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of their own.</summary>
    /// <param name="meterFactory">The application's meter factory, if any.</param>
    public HostMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _grantSuccess = _meter.CreateCounter<long>("allocation_grant_success", description: "Quota tokens granted.");
        _grantFailed = _meter.CreateCounter<long>("allocation_grant_failed", description: "Quota requests that had to wait.");
        _releaseSuccess = _meter.CreateCounter<long>("resource_release_success", description: "Quota tokens released.");
        _releaseFailed = _meter.CreateCounter<long>("resource_release_failed", description: "Quota releases that failed.");
        _waitTime = _meter.CreateHistogram<double>("resource_wait_time", unit: "ms", description: "Time a task waited for its quota token.");
        _syncErrors = _meter.CreateCounter<long>("sync_errors", description: "Get calls of the polling cache that failed.");
        _duration = _meter.CreateHistogram<double>("asyncplugin.operation.duration", unit: "s", description: "Duration of plugin operations.");
        _errors = _meter.CreateCounter<long>("asyncplugin.operation.errors", description: "Plugin operations that failed, by error code.");
        _retries = _meter.CreateCounter<long>("asyncplugin.operation.retries", description: "Calls scheduled again after a transient failure, by operation.");
        _throttled = _meter.CreateCounter<long>("asyncplugin.ratelimit.throttled", description: "Calls that waited for a rate-limit permit, by limiter (read or write).");
        _recovered = _meter.CreateCounter<long>("asyncplugin.tasks.recovered", description: "Tasks re-adopted from the task store when the host started.");
        _leftRunning = _meter.CreateCounter<long>("asyncplugin.tasks.left_running", description: "Tasks in flight when a host without a task store stopped: their remote jobs were left running.");
        _deleteGaveUp = _meter.CreateCounter<long>("asyncplugin.delete.gave_up", description: "Tasks that ended after their Delete ran out of attempts: the remote job may still exist.");
        _meter.CreateObservableGauge("cache_size", CacheSizes, description: "Tasks in the polling cache, per plugin.");
    }

    internal void TrackCache(string pluginId, Func<int> size) => _caches.Add((pluginId, size));

    private IEnumerable<Measurement<int>> CacheSizes() =>
        _caches.Select(c => new Measurement<int>(c.Size(), new KeyValuePair<string, object?>("plugin", c.PluginId))).ToList();

    internal void AllocationGranted(string pluginId, ResourceNamespace ns, TimeSpan waited)
    {
        _grantSuccess.Add(1, new("plugin", pluginId), new("namespace", ns.Name));
        _waitTime.Record(waited.TotalMilliseconds, new KeyValuePair<string, object?>("plugin", pluginId), new("namespace", ns.Name));
    }

    internal void AllocationFailed(string pluginId, ResourceNamespace ns) => _grantFailed.Add(1, new("plugin", pluginId), new("namespace", ns.Name));

    internal void Released(string pluginId, ResourceNamespace ns, bool success) =>
        (success ? _releaseSuccess : _releaseFailed).Add(1, new("plugin", pluginId), new("namespace", ns.Name));

    internal void SyncError(string pluginId) => _syncErrors.Add(1, new KeyValuePair<string, object?>("plugin", pluginId));

    internal void Operation(string pluginId, string taskType, string operation, TimeSpan elapsed, string? errorCode)
    {
        _duration.Record(elapsed.TotalSeconds, new("plugin", pluginId), new("task_type", taskType), new("operation", operation));
        if (errorCode is not null)
        {
            _errors.Add(1, new("plugin", pluginId), new("task_type", taskType), new("operation", operation), new("error_code", errorCode));
        }
    }

    internal void Retry(string pluginId, string taskType, string operation) =>
        _retries.Add(1, new("plugin", pluginId), new("task_type", taskType), new("operation", operation));

    internal void Throttled(string pluginId, string limiter) =>
        _throttled.Add(1, new KeyValuePair<string, object?>("plugin", pluginId), new("limiter", limiter));

    internal void Recovered(int count) => _recovered.Add(count);

    internal void LeftRunning(string pluginId) => _leftRunning.Add(1, new KeyValuePair<string, object?>("plugin", pluginId));

    internal void DeleteGaveUp(string pluginId, string taskType) =>
        _deleteGaveUp.Add(1, new KeyValuePair<string, object?>("plugin", pluginId), new("task_type", taskType));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
