using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AsyncPluginGen.Demo.Running;

/// <summary>
/// Listens to the host's own instruments (meter <c>AsyncPluginGen.Host</c>) and counts, per plugin, the remote calls by
/// operation, the retries, and the calls that waited for a rate-limit permit. Only meters created by the demo's meter
/// factory are heard, so two hosts in one process do not mix their numbers.
/// </summary>
internal sealed class HostMetricsTap : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IMeterFactory _scope;
    private readonly ConcurrentDictionary<(string Plugin, string Counter), long> _counts = new();

    public HostMetricsTap(IMeterFactory scope)
    {
        _scope = scope;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HostMetrics.MeterName
                && ReferenceEquals(instrument.Meter.Scope, _scope)
                && instrument.Name is "asyncplugin.operation.duration" or "asyncplugin.operation.retries" or "asyncplugin.ratelimit.throttled")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Count(instrument, tags, 1));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Count(instrument, tags, value));
        _listener.Start();
    }

    /// <summary>Remote calls of <paramref name="operation"/> (create, get, delete, do) the plugin made, failed ones included.</summary>
    public long Calls(string plugin, string operation) => _counts.GetValueOrDefault((plugin, operation));

    /// <summary>Attempts the host scheduled again after a transient failure.</summary>
    public long Retries(string plugin) => _counts.GetValueOrDefault((plugin, "retries"));

    /// <summary>Calls that waited for the plugin's rate limiter.</summary>
    public long Throttled(string plugin) => _counts.GetValueOrDefault((plugin, "throttled"));

    /// <summary>All calls of the plugin, every operation.</summary>
    public long AllCalls(string plugin) => Calls(plugin, "create") + Calls(plugin, "get") + Calls(plugin, "delete") + Calls(plugin, "do");

    public void Dispose() => _listener.Dispose();

    private void Count(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags, long value)
    {
        string? plugin = null, operation = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "plugin")
            {
                plugin = tag.Value as string;
            }
            else if (tag.Key == "operation")
            {
                operation = tag.Value as string;
            }
        }

        if (plugin is null)
        {
            return;
        }

        var counter = instrument.Name switch
        {
            "asyncplugin.operation.retries" => "retries",
            "asyncplugin.ratelimit.throttled" => "throttled",
            _ => operation,
        };

        // Status is local and runs on every poll: it is not a remote call.
        if (counter is null or "status")
        {
            return;
        }

        _counts.AddOrUpdate((plugin, counter), value, (_, current) => current + value);
    }
}
