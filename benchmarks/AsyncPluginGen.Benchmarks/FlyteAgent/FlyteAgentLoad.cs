using System.Diagnostics;
using System.Globalization;
using Flyteidl.Admin;
using Flyteidl.Core;
using Flyteidl.Service;
using Google.Protobuf;
using Grpc.Net.Client;

namespace AsyncPluginGen.Benchmarks.FlyteAgent;

/// <summary>
/// <c>agent-load</c>: GetTask and CreateTask over loopback against the agent and against the bare service, in one
/// process and one run, at each concurrency; prints requests per second, p50, p99, the agent/bare ratio and the
/// process's allocation per call (client and server together: the client side is the same for both, so the difference
/// is what the agent allocates).
/// </summary>
internal static class FlyteAgentLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var warmup = Option(args, "--warmup", 2);
        var rounds = Option(args, "--rounds", 3);
        var concurrencies = (Value(args, "--concurrency") ?? "16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();

        await using var bare = await LoadServer.StartBareAsync();
        await using var agent = await LoadServer.StartAgentAsync();
        using var bareChannel = GrpcChannel.ForAddress(bare.Address);
        using var agentChannel = GrpcChannel.ForAddress(agent.Address);
        var bareClient = new AsyncAgentService.AsyncAgentServiceClient(bareChannel);
        var agentClient = new AsyncAgentService.AsyncAgentServiceClient(agentChannel);
        var meta = (await agentClient.CreateTaskAsync(CreateRequest(0))).ResourceMeta;
        var get = new GetTaskRequest { TaskCategory = new TaskCategory { Name = BenchJobPlugin.TaskType, Version = 1 }, ResourceMeta = meta };

        Console.WriteLine($"| operation | concurrency | service | requests/s | p50 ms | p99 ms | allocated B/call | agent/bare throughput |");
        Console.WriteLine($"|---|---:|---|---:|---:|---:|---:|---:|");
        var serial = 0L;
        foreach (var concurrency in concurrencies)
        {
            foreach (var operation in new[] { "GetTask", "CreateTask" })
            {
                Func<AsyncAgentService.AsyncAgentServiceClient, Task> call = operation == "GetTask"
                    ? client => client.GetTaskAsync(get).ResponseAsync
                    : client => client.CreateTaskAsync(CreateRequest(Interlocked.Increment(ref serial))).ResponseAsync;

                // Bare, agent, bare, agent, ...: drift on a noisy machine shows up as a difference between rounds, and
                // the median ratio of the rounds is the figure to read.
                var ratios = new List<double>();
                for (var round = 1; round <= rounds; round++)
                {
                    var b = await MeasureAsync(() => call(bareClient), concurrency, warmup, seconds);
                    var a = await MeasureAsync(() => call(agentClient), concurrency, warmup, seconds);
                    ratios.Add(a.RequestsPerSecond / b.RequestsPerSecond);
                    Print(operation, concurrency, $"bare (round {round})", b, null);
                    Print(operation, concurrency, $"agent (round {round})", a, ratios[^1]);
                }

                ratios.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {operation} | {concurrency} | **median of {rounds} rounds** | | | | | **{ratios[ratios.Count / 2]:0.00}x** |"));
            }
        }

        return 0;
    }

    private static CreateTaskRequest CreateRequest(long serial) => new()
    {
        Template = new TaskTemplate { Type = BenchJobPlugin.TaskType, TaskTypeVersion = 1 },
        Inputs = new LiteralMap { Literals = { ["query"] = new Literal { Scalar = new Scalar { Primitive = new Primitive { StringValue = "SELECT 1" } } } } },
        OutputPrefix = "s3://bucket/outputs",
        TaskExecutionMetadata = new TaskExecutionMetadata
        {
            TaskExecutionId = new TaskExecutionIdentifier
            {
                NodeExecutionId = new NodeExecutionIdentifier
                {
                    NodeId = "n0",
                    ExecutionId = new WorkflowExecutionIdentifier { Project = "bench", Domain = "development", Name = "e" + serial.ToString(CultureInfo.InvariantCulture) },
                },
            },
            Namespace = "bench-development",
        },
    };

    private static async Task<Result> MeasureAsync(Func<Task> call, int concurrency, int warmupSeconds, int seconds)
    {
        await LoopAsync(call, concurrency, TimeSpan.FromSeconds(warmupSeconds), null);
        var histogram = new LatencyHistogram();
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        await LoopAsync(call, concurrency, TimeSpan.FromSeconds(seconds), histogram);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new Result(histogram.Count / elapsed.TotalSeconds, histogram.PercentileMs(0.5), histogram.PercentileMs(0.99), bytes / (double)histogram.Count);
    }

    private static Task LoopAsync(Func<Task> call, int concurrency, TimeSpan duration, LatencyHistogram? histogram)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                histogram?.Record(start);
            }
        }));
    }

    private static void Print(string operation, int concurrency, string service, Result r, double? ratio) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {operation} | {concurrency} | {service} | {r.RequestsPerSecond:N0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.BytesPerCall:N0} | {(ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "")} |"));

    private static int Option(string[] args, string name, int fallback) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, double BytesPerCall);
}
