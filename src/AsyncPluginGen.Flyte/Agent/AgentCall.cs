using System.Diagnostics;
using System.Text.Json;
using System.Threading.RateLimiting;
using AsyncPluginGen.Flyte.Literals;
using AsyncPluginGen.Flyte.Meta;
using AsyncPluginGen.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// One rpc's bookkeeping: a span, latency and outcome metrics, rate-limit permits bounded by the call's deadline, and
/// the single place where an exception becomes a gRPC status. Details are logged here with the task's identity; the
/// client gets a message that says what was wrong, never a stack trace.
/// </summary>
internal struct AgentCall
{
    private const int MaxClientMessageLength = 512;

    private static readonly ActivitySource Source = new(AgentActivity.SourceName);

    private readonly AgentServices _services;
    private readonly ServerCallContext _context;
    private readonly string _operation;
    private readonly long _started;
    private readonly Activity? _activity;
    private string? _task;

    public AgentCall(AgentServices services, ServerCallContext context, string operation)
    {
        _services = services;
        _context = context;
        _operation = operation;
        _started = Stopwatch.GetTimestamp();
        _activity = Source.HasListeners() ? Source.StartActivity("flyte.agent." + operation, ActivityKind.Server) : null;
        TaskType = "unknown";
        _task = null;
        ExecutionId = null;
    }

    /// <summary>The task type, once routed (a metric tag).</summary>
    public string TaskType { get; set; }

    /// <summary>The task's identity, once known (for logs and spans).</summary>
    public TaskExecutionId? ExecutionId { get; set; }

    /// <summary>The task's unique name, once known; set when it is at hand, else built from <see cref="ExecutionId"/> only when a log or span needs it.</summary>
    public string Task
    {
        readonly get => _task ?? ExecutionId?.GeneratedName ?? "-";
        set => _task = value;
    }

    /// <summary>The plugin serving the call, once routed (for messages and logs).</summary>
    public string? PluginId { get; set; }

    public readonly CancellationToken CancellationToken => _context.CancellationToken;

    /// <summary>
    /// Waits for a permit, but only as long as leaves time to answer before the call's deadline: when the queue ahead
    /// means no permit can come in time, the answer is <c>RESOURCE_EXHAUSTED</c> at once, which the client can act on,
    /// rather than a deadline that says nothing about why.
    /// </summary>
    public readonly async ValueTask<RateLimitLease> AcquireAsync(AgentPlugin plugin, bool write)
    {
        var limiter = write ? plugin.Writes : plugin.Reads;
        var lease = limiter.AttemptAcquire(1);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        var budget = WaitBudget();
        var period = write ? plugin.WritePeriod : plugin.ReadPeriod;
        var queued = limiter.GetStatistics()?.CurrentQueuedCount ?? 0;
        if (budget is { } limit && period * (queued + 1) > limit)
        {
            throw Exhausted(plugin, write);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_context.CancellationToken);
        if (budget is { } b)
        {
            wait.CancelAfter(b);
        }

        try
        {
            lease = await limiter.AcquireAsync(1, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_context.CancellationToken.IsCancellationRequested)
        {
            throw Exhausted(plugin, write);
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw Exhausted(plugin, write);
    }

    /// <summary>How long a call may wait for a permit: its deadline less a tenth (at most 250 ms) kept for the work and the answer.</summary>
    private readonly TimeSpan? WaitBudget()
    {
        if (_context.Deadline >= DateTime.MaxValue.ToUniversalTime().AddDays(-1))
        {
            return null;
        }

        var remaining = _context.Deadline - DateTime.UtcNow;
        var reserve = TimeSpan.FromTicks(Math.Min(remaining.Ticks / 10, TimeSpan.FromMilliseconds(250).Ticks));
        var budget = remaining - reserve;
        return budget > TimeSpan.Zero ? budget : TimeSpan.Zero;
    }

    private static RpcException Exhausted(AgentPlugin plugin, bool write)
    {
        var limits = write ? plugin.Config.WriteRateLimiter : plugin.Config.ReadRateLimiter;
        return new RpcException(new Status(
            StatusCode.ResourceExhausted,
            $"No {(write ? "write" : "read")} permit for plugin '{plugin.Id}' can come before the call's deadline: it allows {limits.Qps} {(write ? "writes" : "reads")} per second per agent replica (burst {limits.Burst}). Retry later, or run more replicas."));
    }

    public readonly void Succeeded()
    {
        _services.Metrics.Succeeded(TaskType, _operation, Stopwatch.GetElapsedTime(_started).TotalSeconds);
        if (_activity is not null)
        {
            _activity.SetTag("flyte.task_type", TaskType);
            _activity.SetTag("flyte.task", Task);
            _activity.Dispose();
        }
    }

    /// <summary>Records the failure and returns the exception to throw to the client.</summary>
    public readonly RpcException Fail(Exception exception, bool inputErrorsAreInvalidArgument = false)
    {
        var pluginId = PluginId;
        var status = ToStatus(exception, pluginId, inputErrorsAreInvalidArgument);
        var code = status.StatusCode.ToString();
        _services.Metrics.Failed(TaskType, _operation, code, Stopwatch.GetElapsedTime(_started).TotalSeconds);
        if (status.StatusCode == StatusCode.Internal || status.StatusCode == StatusCode.Unavailable)
        {
            AgentLog.PluginFailed(_services.Logger, exception, _operation, TaskType, Task, pluginId ?? "-", TraceId);
        }
        else
        {
            AgentLog.Refused(_services.Logger, _operation, TaskType, Task, code, status.Detail);
        }

        if (_activity is not null)
        {
            _activity.SetTag("flyte.task_type", TaskType);
            _activity.SetTag("flyte.task", Task);
            _activity.SetStatus(ActivityStatusCode.Error, code);
            _activity.Dispose();
        }

        return exception as RpcException ?? new RpcException(status);
    }

    private readonly string TraceId => Activity.Current?.TraceId.ToHexString() ?? _context.GetHttpContext().TraceIdentifier;

    private readonly Status ToStatus(Exception exception, string? pluginId, bool inputErrors)
    {
        var plugin = pluginId is null ? "The agent" : $"Plugin '{pluginId}'";
        return exception switch
        {
            RpcException rpc => rpc.Status,
            AgentRequestException or LiteralMappingException => new Status(StatusCode.InvalidArgument, Clip(exception.Message)),
            // Its messages are written for clients: they name the problem and never echo the bytes.
            ResourceMetaRejectedException => new Status(StatusCode.InvalidArgument, Clip(exception.Message)),
            OperationCanceledException when _context.CancellationToken.IsCancellationRequested && _context.Deadline <= DateTime.UtcNow =>
                new Status(StatusCode.DeadlineExceeded, $"{plugin} did not finish {_operation} before the call's deadline ({_context.Deadline:O})."),
            OperationCanceledException when _context.CancellationToken.IsCancellationRequested =>
                new Status(StatusCode.Cancelled, "The client cancelled the call."),
            _ when TransientErrors.IsTransient(exception, _services.Stopping) =>
                new Status(StatusCode.Unavailable, $"{plugin} met a transient failure of its remote service ({Describe(exception)}); retry the call."),
            ArgumentException or FormatException or KeyNotFoundException or JsonException =>
                new Status(StatusCode.InvalidArgument, Clip($"{plugin} refused the task's inputs: {exception.Message}")),
            InvalidOperationException when inputErrors =>
                new Status(StatusCode.InvalidArgument, Clip($"{plugin} refused the task's inputs: {exception.Message}")),
            _ => new Status(StatusCode.Internal, $"{plugin} failed with {exception.GetType().Name} during {_operation} (trace {TraceId}); the agent's log has the details."),
        };
    }

    private static string Describe(Exception exception) =>
        exception is HttpRequestException { StatusCode: { } status } ? $"HTTP {(int)status}" : exception.GetType().Name;

    private static string Clip(string message) =>
        message.Length <= MaxClientMessageLength ? message : string.Concat(message.AsSpan(0, MaxClientMessageLength), "…");
}
