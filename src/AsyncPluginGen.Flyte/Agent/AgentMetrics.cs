using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// The agent's metrics, named as flytekit's connector server names them, so dashboards built for flytekit work
/// unchanged once exported to Prometheus (the OpenTelemetry exporter adds <c>_total</c> and <c>_seconds</c>).
/// </summary>
public sealed class AgentMetrics : IDisposable
{
    /// <summary>The meter's name, to enable in an OpenTelemetry or other metrics pipeline.</summary>
    public const string MeterName = "AsyncPluginGen.Flyte.Agent";

    private readonly Meter _meter;
    private readonly Counter<long> _success;
    private readonly Counter<long> _failure;
    private readonly Histogram<double> _latency;
    private readonly Histogram<long> _inputBytes;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">Creates the meter; a meter of its own when null.</param>
    public AgentMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _success = _meter.CreateCounter<long>("flyte_connector_requests_success", description: "Requests the agent answered successfully.");
        _failure = _meter.CreateCounter<long>("flyte_connector_requests_failure", description: "Requests the agent answered with an error, by gRPC status code.");
        _latency = _meter.CreateHistogram<double>("flyte_connector_request_latency", unit: "s", description: "Time the agent took to answer a request.");
        _inputBytes = _meter.CreateHistogram<long>("flyte_connector_input_literal_bytes", unit: "By", description: "Size of the input literal map of CreateTask and ExecuteTaskSync.");
    }

    /// <summary>Records a request that succeeded.</summary>
    /// <param name="taskType">The task type.</param>
    /// <param name="operation">The operation, e.g. <c>create</c>.</param>
    /// <param name="seconds">How long it took.</param>
    public void Succeeded(string taskType, string operation, double seconds)
    {
        var tags = new TagList { { "task_type", taskType }, { "operation", operation } };
        _success.Add(1, tags);
        _latency.Record(seconds, tags);
    }

    /// <summary>Records a request that failed.</summary>
    /// <param name="taskType">The task type.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="errorCode">The gRPC status code answered.</param>
    /// <param name="seconds">How long it took.</param>
    public void Failed(string taskType, string operation, string errorCode, double seconds)
    {
        var tags = new TagList { { "task_type", taskType }, { "operation", operation } };
        _latency.Record(seconds, tags);
        tags.Add("error_code", errorCode);
        _failure.Add(1, tags);
    }

    /// <summary>Records the size of a request's input literal map.</summary>
    /// <param name="taskType">The task type.</param>
    /// <param name="bytes">The serialized size.</param>
    public void InputBytes(string taskType, long bytes) => _inputBytes.Record(bytes, new KeyValuePair<string, object?>("task_type", taskType));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
