using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using AsyncPluginGen.CrashTests.Host;
using AsyncPluginGen.Samples.FakeServices;
using Microsoft.AspNetCore.Http;

namespace AsyncPluginGen.CrashTests;

/// <summary>
/// Watches the requests the fake services get: which run asked to Create which task, and, when armed, holds the Nth
/// Create or cancel of a run at the service (before or after the service did the work) and says so, so the test kills
/// the child while that request is in flight; the request goes on once <see cref="Release"/> is called.
/// </summary>
internal sealed class ServiceTap(IReadOnlyDictionary<string, string> nameByKey)
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<int, ConcurrentBag<string>> _createsByRun = new();
    private Hold? _armed;
    private Hold? _holding;

    public Func<FakeRequestStage, FakeEndpoint, HttpContext, ValueTask> Observer => ObserveAsync;

    /// <summary>The tasks whose Create reached a service from run <paramref name="run"/>, once per request.</summary>
    public IReadOnlyCollection<string> CreatesOf(int run) => _createsByRun.TryGetValue(run, out var names) ? names : [];

    /// <summary>Every Create request, by task.</summary>
    public IEnumerable<string> AllCreates => _createsByRun.Values.SelectMany(n => n);

    /// <summary>Holds the <paramref name="nth"/> request of <paramref name="endpoint"/> from <paramref name="run"/> at <paramref name="stage"/>.</summary>
    /// <returns>Completes when that request is held.</returns>
    public Task Arm(int run, FakeEndpoint endpoint, FakeRequestStage stage, int nth)
    {
        var hold = new Hold(run, endpoint, stage, nth);
        lock (_gate)
        {
            _armed = hold;
        }

        return hold.Held.Task;
    }

    /// <summary>Lets the held request (if any) go on, and disarms.</summary>
    public void Release()
    {
        Hold? hold;
        lock (_gate)
        {
            (hold, _armed, _holding) = (_holding, null, null);
        }

        hold?.Go.TrySetResult();
    }

    private async ValueTask ObserveAsync(FakeRequestStage stage, FakeEndpoint endpoint, HttpContext context)
    {
        var run = int.TryParse(context.Request.Headers[KillingHandler.RunHeader], CultureInfo.InvariantCulture, out var r) ? r : -1;
        if (stage == FakeRequestStage.Received && endpoint == FakeEndpoint.Create && await TaskOf(context) is { } name)
        {
            _createsByRun.GetOrAdd(run, _ => []).Add(name);
        }

        Hold? hold = null;
        lock (_gate)
        {
            if (_armed is { } armed && armed.Run == run && armed.Endpoint == endpoint && armed.Stage == stage && ++armed.Seen == armed.Nth)
            {
                (hold, _holding, _armed) = (armed, armed, null);
            }
        }

        if (hold is not null)
        {
            hold.Held.TrySetResult();
            await hold.Go.Task;
        }
    }

    /// <summary>
    /// The task a Create is for: each API carries the idempotency key in its own field (job id, idempotency token, job
    /// name), so any string value of the body that is a planned key names it.
    /// </summary>
    private async Task<string?> TaskOf(HttpContext context)
    {
        try
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            using var json = JsonDocument.Parse(body);
            return Find(json.RootElement);
        }
        catch (Exception e) when (e is IOException or JsonException or OperationCanceledException or BadHttpRequestException)
        {
            // The child died while sending it: the service will not do it either.
            return null;
        }
    }

    private string? Find(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => nameByKey.GetValueOrDefault(element.GetString()!),
        JsonValueKind.Object => element.EnumerateObject().Select(p => Find(p.Value)).FirstOrDefault(n => n is not null),
        JsonValueKind.Array => element.EnumerateArray().Select(Find).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private sealed class Hold(int run, FakeEndpoint endpoint, FakeRequestStage stage, int nth)
    {
        public int Run { get; } = run;

        public FakeEndpoint Endpoint { get; } = endpoint;

        public FakeRequestStage Stage { get; } = stage;

        public int Nth { get; } = nth;

        public int Seen { get; set; }

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
