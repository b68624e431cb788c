using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Flyteidl.Service;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>
/// <c>agent-load</c>: GetTask and CreateTask requests per second, p50 and p99 over loopback, the agent against a bare
/// Grpc.AspNetCore service of the same proto, in one run with the same settings. Each server runs in a process of its
/// own (this program with <c>--serve</c>), so its allocation and CPU time per call are the server's alone; this process
/// is the client. Per operation and concurrency it measures bare, agent, bare, agent, ... (<c>--rounds</c>), each after
/// its own warm-up, so drift on a shared machine shows as a difference between rounds. Options: <c>--seconds</c> (10),
/// <c>--warmup</c> (2), <c>--concurrency</c> (16,64), <c>--rounds</c> (2), <c>--deadline</c> (10 s per call as
/// propeller's connector-service sets it; 0 for none), <c>--operations</c> (GetTask,CreateTask),
/// <c>--prewarm</c> (5 s of each operation on each server before the first cell). <c>--in-process</c> runs the earlier
/// single-process variant (<see cref="FlyteAgent.FlyteAgentLoad"/>) instead.
/// </summary>
internal static class AgentLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (Value(args, "--serve") is { } kind)
        {
            return await AgentLoadServer.ServeAsync(kind);
        }

        if (args.Contains("--in-process", StringComparer.Ordinal))
        {
            return await FlyteAgent.FlyteAgentLoad.RunAsync([.. args.Where(a => a != "--in-process")]);
        }

        var seconds = Option(args, "--seconds", 10);
        var warmup = Option(args, "--warmup", 2);
        var rounds = Option(args, "--rounds", 2);
        var deadline = Option(args, "--deadline", 10);
        var prewarm = Option(args, "--prewarm", 5);
        var concurrencies = List(args, "--concurrency", "16,64").Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var operations = List(args, "--operations", "GetTask,CreateTask");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agent-load {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; load average {MachineLoad.LoadAverages()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{seconds} s per cell after {warmup} s of warm-up, {rounds} rounds, concurrency {string.Join(", ", concurrencies)}, deadline {(deadline > 0 ? deadline + " s" : "none")}; one GrpcChannel per server"));

        await using var bare = await ServerProcess.StartAsync("bare");
        await using var agent = await ServerProcess.StartAsync("agent");
        using var bareChannel = GrpcChannel.ForAddress(bare.Address);
        using var agentChannel = GrpcChannel.ForAddress(agent.Address);
        var targets = new Dictionary<string, (ServerProcess Server, AsyncAgentService.AsyncAgentServiceClient Client)>
        {
            ["bare"] = (bare, new AsyncAgentService.AsyncAgentServiceClient(bareChannel)),
            ["agent"] = (agent, new AsyncAgentService.AsyncAgentServiceClient(agentChannel)),
        };

        // One real CreateTask against the agent: its signed meta is what every GetTask sends (to both servers).
        var meta = (await targets["agent"].Client.CreateTaskAsync(AgentRequests.Create(0))).ResourceMeta;
        var get = AgentRequests.Get(meta);
        foreach (var (name, target) in targets)
        {
            var phase = (await target.Client.GetTaskAsync(get)).Resource.Phase;
            Console.WriteLine($"{name}: pid {target.Server.ProcessId}, {target.Server.Address}, GetTask answers {phase}; resource_meta {meta.Length} bytes");
        }

        var serial = 0L;
        DateTime? Deadline() => deadline > 0 ? DateTime.UtcNow.AddSeconds(deadline) : null;
        var calls = new Dictionary<string, Func<AsyncAgentService.AsyncAgentServiceClient, Task>>
        {
            ["GetTask"] = client => client.GetTaskAsync(get, deadline: Deadline()).ResponseAsync,

            // Each CreateTask is a new task (another execution name), as propeller sends them.
            ["CreateTask"] = client => client.CreateTaskAsync(AgentRequests.Create(Interlocked.Increment(ref serial)), deadline: Deadline()).ResponseAsync,
        };

        // Both servers and the client reach steady state (tiered JIT, pools, connection windows) on every path before the
        // first measured cell, which would otherwise pay for it alone.
        foreach (var operation in operations)
        {
            foreach (var (_, target) in targets)
            {
                await LoopAsync(() => calls[operation](target.Client), concurrencies.Max(), TimeSpan.FromSeconds(prewarm), new LoadHistogram());
            }
        }

        Console.WriteLine();
        Console.WriteLine("| operation | concurrency | round | service | requests/s | p50 ms | p99 ms | server B/call | server CPU µs/call | client CPU µs/call | server GCs 0/1/2 | other load (cores) | errors | agent/bare req/s |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var cells = new List<Cell>();
        foreach (var concurrency in concurrencies)
        {
            foreach (var operation in operations)
            {
                var call = calls[operation];
                for (var round = 1; round <= rounds; round++)
                {
                    Cell? bareCell = null;
                    foreach (var service in new[] { "bare", "agent" })
                    {
                        var (server, client) = targets[service];
                        var cell = await MeasureAsync(operation, concurrency, round, service, server, () => call(client), warmup, seconds);
                        cells.Add(cell);
                        bareCell ??= cell;
                        Print(cell, service == "agent" ? cell.RequestsPerSecond / bareCell.RequestsPerSecond : null);
                    }
                }
            }
        }

        PrintSummary(cells);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end {MachineLoad.LoadAverages()}"));
        return cells.Any(c => c.Errors > 0) ? 1 : 0;
    }

    private static async Task<Cell> MeasureAsync(string operation, int concurrency, int round, string service, ServerProcess server, Func<Task> call, int warmupSeconds, int seconds)
    {
        await LoopAsync(call, concurrency, TimeSpan.FromSeconds(warmupSeconds), new LoadHistogram());
        var histogram = new LoadHistogram();
        var serverBefore = await server.StatsAsync();
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var busyBefore = MachineLoad.BusySeconds();
        var started = Stopwatch.GetTimestamp();
        await LoopAsync(call, concurrency, TimeSpan.FromSeconds(seconds), histogram);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var busy = MachineLoad.BusySeconds() - busyBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
        var serverDelta = await server.StatsAsync() - serverBefore;

        // Every call the server answered in the window, errors included, is in the server's figures.
        var served = histogram.Count + histogram.Errors;
        var serverCpu = TimeSpan.FromTicks(serverDelta.CpuTicks);
        var other = busy > 0 ? Math.Max(0, busy - clientCpu.TotalSeconds - serverCpu.TotalSeconds) / elapsed.TotalSeconds : double.NaN;
        return new Cell(
            operation,
            concurrency,
            round,
            service,
            histogram.Count / elapsed.TotalSeconds,
            histogram.PercentileMs(0.50),
            histogram.PercentileMs(0.99),
            serverDelta.AllocatedBytes / (double)served,
            serverCpu.TotalMicroseconds / served,
            clientCpu.TotalMicroseconds / served,
            $"{serverDelta.Gen0}/{serverDelta.Gen1}/{serverDelta.Gen2}",
            other,
            histogram.Errors);
    }

    /// <summary><paramref name="concurrency"/> client loops, each one call at a time, until <paramref name="duration"/> has passed.</summary>
    private static Task LoopAsync(Func<Task> call, int concurrency, TimeSpan duration, LoadHistogram histogram)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            loops[i] = Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < end)
                {
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        await call();
                        histogram.Record(start);
                    }
                    catch (RpcException)
                    {
                        histogram.RecordError();
                    }
                }
            });
        }

        return Task.WhenAll(loops);
    }

    private static void Print(Cell c, double? ratio) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {c.Operation} | {c.Concurrency} | {c.Round} | {c.Service} | {c.RequestsPerSecond:N0} | {c.P50Ms:0.000} | {c.P99Ms:0.000} | {c.ServerBytesPerCall:N0} | {c.ServerCpuMicrosPerCall:0.0} | {c.ClientCpuMicrosPerCall:0.0} | {c.Collections} | {c.OtherLoadCores:0.00} | {c.Errors} | {(ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "")} |"));

    private static void PrintSummary(List<Cell> cells)
    {
        Console.WriteLine();
        Console.WriteLine("| operation | concurrency | bare req/s | agent req/s | agent/bare req/s per round | ≥ 0.8×? | bare p99 ms | agent p99 ms | bare B/call | agent B/call | bare CPU µs/call | agent CPU µs/call |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in cells.GroupBy(c => (c.Operation, c.Concurrency)))
        {
            var bare = group.Where(c => c.Service == "bare").OrderBy(c => c.Round).ToList();
            var agent = group.Where(c => c.Service == "agent").OrderBy(c => c.Round).ToList();
            var ratios = bare.Zip(agent, (b, a) => a.RequestsPerSecond / b.RequestsPerSecond).ToList();
            var holds = ratios.All(r => r >= 0.8) ? "yes" : ratios.Any(r => r >= 0.8) ? "in some rounds" : "no";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Operation} | {group.Key.Concurrency} | {Join(bare, c => c.RequestsPerSecond, "N0")} | {Join(agent, c => c.RequestsPerSecond, "N0")} | {string.Join(" / ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} | {holds} | {Join(bare, c => c.P99Ms, "0.00")} | {Join(agent, c => c.P99Ms, "0.00")} | {Join(bare, c => c.ServerBytesPerCall, "N0")} | {Join(agent, c => c.ServerBytesPerCall, "N0")} | {Join(bare, c => c.ServerCpuMicrosPerCall, "0")} | {Join(agent, c => c.ServerCpuMicrosPerCall, "0")} |"));
        }
    }

    private static string Join(List<Cell> cells, Func<Cell, double> value, string format) =>
        string.Join(" / ", cells.Select(c => value(c).ToString(format, CultureInfo.InvariantCulture)));

    private static int Option(string[] args, string name, int fallback) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string[] List(string[] args, string name, string fallback) => (Value(args, name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Cell(
        string Operation,
        int Concurrency,
        int Round,
        string Service,
        double RequestsPerSecond,
        double P50Ms,
        double P99Ms,
        double ServerBytesPerCall,
        double ServerCpuMicrosPerCall,
        double ClientCpuMicrosPerCall,
        string Collections,
        double OtherLoadCores,
        long Errors);
}
