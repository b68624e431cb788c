using System.Collections.Concurrent;
using System.Diagnostics;

namespace AsyncPluginGen.CrashTests;

/// <summary>One run of the child host: its process and the lines it printed (outcomes, DONE).</summary>
internal sealed class ChildHost : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
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
    }

    public bool Done => _done.Task.IsCompleted;

    /// <summary>The exit code; 137 after a SIGKILL.</summary>
    public int ExitCode => _process.ExitCode;

    public IEnumerable<string> Lines => _lines;

    public static ChildHost Start(IEnumerable<string> args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AsyncPluginGen.CrashTests.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildHost(Process.Start(start)!);
    }

    /// <summary>Waits until the child prints DONE or exits, for at most <paramref name="patience"/>; true when it exited.</summary>
    public async Task<bool> WaitAsync(TimeSpan patience)
    {
        try
        {
            await Task.WhenAny(_done.Task, _process.WaitForExitAsync()).WaitAsync(patience);
            if (_done.Task.IsCompleted)
            {
                await _process.WaitForExitAsync().WaitAsync(patience);
            }

            // Exited: the output readers may still hold its last lines.
            _process.WaitForExit();
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL, as a crash or the operating system would end it.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose() => _process.Dispose();
}
