using System.Diagnostics;
using System.Text.Json;
using AsyncPluginGen.Demo;

namespace AsyncPluginGen.Samples.Tests.Demo;

/// <summary>The demo end to end, in-process and as a process: small task counts, real fake services, real host.</summary>
public sealed class DemoRunTests
{
    private static readonly string[] ServiceNames = ["notebooks", "training", "warehouse"];

    [Fact]
    public async Task Json_SummaryAccountsForEveryTask_WithNothingLeakedOrLost()
    {
        var (exit, output, error) = await RunAsync("--tasks", "40", "--seed", "3", "--json");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(40, root.GetProperty("tasks").GetInt32());
        Assert.Equal(40, root.GetProperty("submitted").GetInt32());
        Assert.Equal(0, root.GetProperty("leaked").GetInt32());
        Assert.Equal(0, root.GetProperty("lost").GetInt32());
        Assert.True(root.GetProperty("ok").GetBoolean());

        var plugins = root.GetProperty("plugins").EnumerateArray().ToArray();
        Assert.Equal(4, plugins.Length);
        Assert.Equal(40, plugins.Sum(p => p.GetProperty("tasks").GetInt32()));
        foreach (var plugin in plugins)
        {
            var phases = plugin.GetProperty("phases").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            Assert.Equal(plugin.GetProperty("tasks").GetInt32(), phases.Values.Sum());
            Assert.DoesNotContain("Unfinished", phases.Keys);
            var time = plugin.GetProperty("timeToTerminalMs");
            Assert.True(time.GetProperty("p50").GetDouble() <= time.GetProperty("p95").GetDouble());
        }

        var total = root.GetProperty("total");
        Assert.Equal(40, total.GetProperty("tasks").GetInt32());
        var calls = total.GetProperty("calls");
        Assert.True(calls.GetProperty("create").GetInt64() > 0);
        Assert.True(calls.GetProperty("get").GetInt64() + calls.GetProperty("create").GetInt64() >= 30, "every async task is created and read at least once, or created with its state");

        var services = root.GetProperty("services").EnumerateArray().ToArray();
        Assert.Equal(ServiceNames, services.Select(s => s.GetProperty("service").GetString()).Order());
        Assert.All(services, s => Assert.Equal(0, s.GetProperty("leaked").GetInt32()));
        Assert.All(services, s => Assert.Equal(0, s.GetProperty("lost").GetInt32()));
        Assert.All(services, s => Assert.Empty(s.GetProperty("problems").EnumerateArray()));
        Assert.True(services.Sum(s => s.GetProperty("jobsCreated").GetInt32()) > 0);

        // With --json, standard output holds only the JSON; progress went to standard error, as plain lines.
        Assert.Contains("tasks ended", error, StringComparison.Ordinal);
        Assert.DoesNotContain(error, c => char.IsControl(c) && c is not '\n' and not '\r');
    }

    [Fact]
    public async Task HeavyFaultsAndAborts_StillLeakNothing_AndLoseNothing()
    {
        var (exit, output, error) = await RunAsync("--tasks", "60", "--seed", "11", "--fault-rate", "0.25", "--abort-fraction", "0.5", "--json");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("leaked").GetInt32());
        Assert.Equal(0, root.GetProperty("lost").GetInt32());
        var total = root.GetProperty("total");
        Assert.True(total.GetProperty("retried").GetInt64() > 0, "a quarter of all calls fail: some must have been retried");
        Assert.True(total.GetProperty("phases").GetProperty("Aborted").GetInt32() > 0, "half the async tasks are aborted mid-flight");
        Assert.True(total.GetProperty("calls").GetProperty("delete").GetInt64() > 0, "aborted tasks cancel their remote jobs");
        Assert.True(root.GetProperty("services").EnumerateArray().Sum(s => s.GetProperty("faults").GetInt64()) > 0);
    }

    [Fact]
    public async Task ViaAgent_AThousandTasksWithFaultsAndAborts_ThroughTheFlyteAgentProtocol_LeakNothingAndLoseNothing()
    {
        // PluginHost -> RemoteAgentPlugin -> gRPC on 127.0.0.1 -> agent service -> sample plugins -> fake services.
        var (exit, output, error) = await RunAsync(TimeSpan.FromMinutes(4), "--tasks", "1000", "--seed", "21", "--fault-rate", "0.05", "--abort-fraction", "0.05", "--via-agent", "--json");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1000, root.GetProperty("submitted").GetInt32());
        Assert.True(root.GetProperty("viaAgent").GetBoolean());
        Assert.Equal(0, root.GetProperty("leaked").GetInt32());
        Assert.Equal(0, root.GetProperty("lost").GetInt32());
        var total = root.GetProperty("total");
        var phases = total.GetProperty("phases").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(1000, phases.Values.Sum());
        Assert.DoesNotContain("Unfinished", phases.Keys);
        Assert.True(phases["Aborted"] > 0, "aborted tasks reach Aborted through DeleteTask");
        Assert.True(phases["Success"] > 800, $"most tasks succeed: {string.Join(", ", phases)}");
        var services = root.GetProperty("services").EnumerateArray().ToArray();
        Assert.All(services, s => Assert.Empty(s.GetProperty("problems").EnumerateArray()));
        Assert.True(services.Sum(s => s.GetProperty("faults").GetInt64()) > 0, "the fake services injected faults");
        Assert.True(total.GetProperty("calls").GetProperty("delete").GetInt64() > 0);
    }

    [Fact]
    public async Task Plain_OutputHasProgressLinesAndTheSummaryTables_WithoutControlCharacters()
    {
        var (exit, output, error) = await RunAsync("--tasks", "20", "--seed", "5");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("tasks ended", output, StringComparison.Ordinal);
        Assert.Contains("Tasks by final phase", output, StringComparison.Ordinal);
        Assert.Contains("Remote calls by the host", output, StringComparison.Ordinal);
        Assert.Contains("Counted by the fake services", output, StringComparison.Ordinal);
        Assert.Contains("remote jobs leaked: 0, tasks lost: 0", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output, c => char.IsControl(c) && c is not '\n' and not '\r');
        Assert.Empty(error);
    }

    [Fact]
    public async Task AsAProcess_BadArgumentsExit2_AndASmallRunExits0WithJson()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "AsyncPluginGen.Demo.dll");
        Assert.True(File.Exists(demo), demo);

        var bad = await RunProcessAsync(demo, "--fault-rate", "2");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--fault-rate must be between 0 and 1", bad.Error, StringComparison.Ordinal);

        var good = await RunProcessAsync(demo, "--tasks", "12", "--seed", "9", "--json");
        Assert.True(good.Exit == 0, $"exit {good.Exit}\n{good.Output}\n{good.Error}");
        using var json = JsonDocument.Parse(good.Output);
        Assert.Equal(12, json.RootElement.GetProperty("total").GetProperty("tasks").GetInt32());
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task AfterAKill_TheNextRunRecoversTheTasksLeftInFlight_AndAccountsForThem()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "AsyncPluginGen.Demo.dll");
        var store = StorePath();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { demo, "--tasks", "200", "--seed", "13", "--json", "--store", store })
        {
            start.ArgumentList.Add(arg);
        }

        using (var first = Process.Start(start)!)
        {
            // The first progress line (5 s in) says the run is under way, its 200 tasks submitted and mostly in flight.
            var line = await first.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.NotNull(line);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var second = await RunProcessAsync(demo, "--tasks", "10", "--seed", "14", "--json", "--store", store);

        Assert.True(second.Exit == 0, $"exit {second.Exit}\n{second.Output}\n{second.Error}");
        using var json = JsonDocument.Parse(second.Output);
        var recovered = json.RootElement.GetProperty("recovered").GetInt32();
        Assert.InRange(recovered, 1, 200);
        Assert.Equal(recovered, json.RootElement.GetProperty("recoveredPhases").EnumerateObject().Where(p => p.Name != "Unfinished").Sum(p => p.Value.GetInt32()));
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task CtrlC_WithAStore_LeavesTheTasksInFlightInTheStore_AndTheNextRunRecoversThem()
    {
        var store = StorePath();
        var first = await InterruptedRunAsync("--tasks", "2000", "--seed", "15", "--json", "--store", store);

        using (var json = JsonDocument.Parse(first))
        {
            var root = json.RootElement;
            var left = root.GetProperty("leftInStore").GetInt32();
            Assert.InRange(left, 1, 2000);
            Assert.InRange(root.GetProperty("submitted").GetInt32(), left, 1999);
            Assert.Equal(0, root.GetProperty("leaked").GetInt32());
            Assert.Equal(0, root.GetProperty("lost").GetInt32());

            var (exit, output, error) = await RunAsync("--tasks", "10", "--seed", "16", "--json", "--store", store);
            Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
            using var next = JsonDocument.Parse(output);
            // Tasks that ended between the summary and the host's stop are no longer in flight in the store.
            var recovered = next.RootElement.GetProperty("recovered").GetInt32();
            Assert.InRange(recovered, 1, left);
            // Every recovered task ends: most are aborted; a synchronous one may finish its Do again before its abort.
            var phases = next.RootElement.GetProperty("recoveredPhases").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            Assert.DoesNotContain("Unfinished", phases.Keys);
            Assert.Equal(recovered, phases.Values.Sum());
            Assert.True(phases.GetValueOrDefault("Aborted") > 0);
            Assert.True(next.RootElement.GetProperty("ok").GetBoolean());
        }
    }

    [Fact]
    public async Task CtrlC_WithoutAStore_AbortsTheTasksInFlight()
    {
        var output = await InterruptedRunAsync("--tasks", "2000", "--seed", "15", "--json", "--no-store");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("leftInStore").GetInt32());
        var phases = root.GetProperty("total").GetProperty("phases").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.DoesNotContain("Unfinished", phases.Keys);
        Assert.True(phases.GetValueOrDefault("Aborted") > 0);
        Assert.True(root.GetProperty("ok").GetBoolean());
    }

    /// <summary>Runs the demo in-process and interrupts it as Ctrl+C does, when its first progress line (5 s in) is written.</summary>
    private static async Task<string> InterruptedRunAsync(params string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new FirstLineSignal(interrupt);
        var exit = await DemoApp.RunAsync(args, output, error, interrupt.Token).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(interrupt.IsCancellationRequested, "The run ended before its first progress line.");
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        return output.ToString();
    }

    /// <summary>Cancels when the first line is written to it.</summary>
    private sealed class FirstLineSignal(CancellationTokenSource interrupt) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            interrupt.Cancel();
        }

        public override void Write(char value)
        {
            base.Write(value);
            if (value == '\n')
            {
                interrupt.Cancel();
            }
        }
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(2), args);

    /// <summary>A task store of the test's own: the demo's default file is shared by every run on the machine.</summary>
    private static string StorePath() => Path.Combine(Directory.CreateTempSubdirectory("asyncplugingen-demo-test-").FullName, "tasks.db");

    private static string[] WithStore(string[] args) => args.Contains("--store") || args.Contains("--no-store")
        ? args
        : [.. args, "--store", StorePath()];

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TimeSpan patience, params string[] args)
    {
        args = WithStore(args);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DemoApp.RunAsync(args, output, error, CancellationToken.None).WaitAsync(patience);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<(int Exit, string Output, string Error)> RunProcessAsync(string demo, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(demo);
        foreach (var arg in WithStore(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
