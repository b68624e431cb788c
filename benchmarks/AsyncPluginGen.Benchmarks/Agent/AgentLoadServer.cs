using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AsyncPluginGen.Benchmarks.FlyteAgent;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>What a server process reports about itself: the basis of the per-call server figures.</summary>
/// <param name="AllocatedBytes">Every byte the process has allocated (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise).</param>
/// <param name="CpuTicks">CPU time of all its threads, user and kernel, in <see cref="TimeSpan"/> ticks.</param>
/// <param name="Gen0">Gen 0 collections so far.</param>
/// <param name="Gen1">Gen 1 collections so far.</param>
/// <param name="Gen2">Gen 2 collections so far.</param>
internal readonly record struct ServerStats(long AllocatedBytes, long CpuTicks, int Gen0, int Gen1, int Gen2)
{
    public static ServerStats Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ServerStats(GC.GetTotalAllocatedBytes(precise: true), process.TotalProcessorTime.Ticks, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    public static ServerStats operator -(ServerStats after, ServerStats before) => new(
        after.AllocatedBytes - before.AllocatedBytes,
        after.CpuTicks - before.CpuTicks,
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2);

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{AllocatedBytes} {CpuTicks} {Gen0} {Gen1} {Gen2}");

    public static ServerStats Parse(string text)
    {
        var parts = text.Split(' ');
        return new ServerStats(
            long.Parse(parts[0], CultureInfo.InvariantCulture),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture),
            int.Parse(parts[3], CultureInfo.InvariantCulture),
            int.Parse(parts[4], CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// <c>agent-load --serve agent|bare</c>: one gRPC server (<see cref="LoadServer"/>: Kestrel, h2c, 127.0.0.1, an
/// ephemeral port) in a process of its own, so that its allocation and CPU time are the server's alone. It prints
/// <c>listening &lt;address&gt;</c>, then answers each <c>stats</c> line on standard input with one line of
/// <see cref="ServerStats"/>, and stops at <c>quit</c> or the end of its input.
/// </summary>
internal static class AgentLoadServer
{
    public static async Task<int> ServeAsync(string kind)
    {
        await using var server = kind switch
        {
            "agent" => await LoadServer.StartAgentAsync(),
            "bare" => await LoadServer.StartBareAsync(),
            _ => throw new ArgumentException($"--serve takes agent or bare, not '{kind}'.", nameof(kind)),
        };

        var stdout = Console.Out;
        await stdout.WriteLineAsync("listening " + server.Address);
        await stdout.FlushAsync();
        while (await Console.In.ReadLineAsync() is { } line && line != "quit")
        {
            if (line == "stats")
            {
                await stdout.WriteLineAsync("stats " + ServerStats.Now().Format());
                await stdout.FlushAsync();
            }
        }

        return 0;
    }
}

/// <summary>The parent's handle on a server process it started (this program, run as <c>agent-load --serve kind</c>).</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string kind)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown: cannot start the server process.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Under `dotnet AsyncPluginGen.Benchmarks.dll` the process is the muxer: run the same assembly again.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { "agent-load", "--serve", kind })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {kind} server process.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The {kind} server process did not start: it said '{line}'.");
        }

        return new ServerProcess(process, new Uri(line["listening ".Length..]));
    }

    public int ProcessId => _process.Id;

    public async Task<ServerStats> StatsAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return line is not null && line.StartsWith("stats ", StringComparison.Ordinal)
            ? ServerStats.Parse(line["stats ".Length..])
            : throw new InvalidOperationException($"The server process answered '{line}' to stats.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception exception) when (exception is IOException or TimeoutException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
