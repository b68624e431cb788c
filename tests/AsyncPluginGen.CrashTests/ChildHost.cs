using System.Collections.Concurrent;
using System.Diagnostics;

namespace AsyncPluginGen.CrashTests;

/// <summary>One run of the child host: its process, its outcome lines (with when they arrived), and the rest of its output.</summary>
internal sealed class ChildHost : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<(string Name, string Outcome, DateTimeOffset At)> _outcomes = new();
    private readonly ConcurrentBag<string> _submitted = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildHost(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            // The arrival time bounds when the host declared the task ended: a job still running after it was leaked.
            if (line.StartsWith("OUTCOME ", StringComparison.Ordinal) && line.Split(' ', 3) is [_, var name, var outcome])
            {
                _outcomes.Enqueue((name, outcome, DateTimeOffset.UtcNow));
                return;
            }

            if (line.StartsWith("SUBMIT ", StringComparison.Ordinal))
            {
                _submitted.Add(line["SUBMIT ".Length..]);
                return;
            }

            _lines.Enqueue(line);
            if (line == "DONE")
            {
                _done.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _lines.Enqueue("ERR " + line);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Exited = _process.WaitForExitAsync();
    }

    /// <summary>Completes when the process has exited (for any reason).</summary>
    public Task Exited { get; }

    /// <summary>Whether it printed DONE: every planned task ended.</summary>
    public bool Done => _done.Task.IsCompleted;

    /// <summary>The exit code; 137 after a SIGKILL.</summary>
    public int ExitCode => _process.ExitCode;

    public IEnumerable<(string Name, string Outcome, DateTimeOffset At)> Outcomes => _outcomes;

    /// <summary>The tasks this run submitted because its host did not know them.</summary>
    public IReadOnlySet<string> Submitted => _submitted.ToHashSet(StringComparer.Ordinal);

    public static ChildHost Start(IEnumerable<string> args)
    {
        // The child is built into this project's output folder (a project reference), with its runtimeconfig.
        var dll = Path.Combine(AppContext.BaseDirectory, "AsyncPluginGen.CrashTests.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildHost(Process.Start(start)!);
    }

    /// <summary>Waits for the exit and for the output readers to drain its last lines.</summary>
    public async Task WaitForExitAsync(TimeSpan patience)
    {
        await Exited.WaitAsync(patience);
        _process.WaitForExit();
    }

    /// <summary>SIGKILL, as a crash or the operating system would end it; returns once it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The last lines other than outcomes, for a failure message.</summary>
    public string Tail() => string.Join("\n", _lines.TakeLast(20));

    public void Dispose() => _process.Dispose();
}
