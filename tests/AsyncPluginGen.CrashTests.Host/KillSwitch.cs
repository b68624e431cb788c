using System.Diagnostics;

namespace AsyncPluginGen.CrashTests.Host;

/// <summary>
/// Where this run kills itself (SIGKILL, as the operating system would), told by <c>kind:N</c>: <c>create</c> or
/// <c>delete</c> (the Nth such request was answered, and the answer is not used yet), <c>save-row</c> (inside the Nth
/// group commit, after its first row was written), <c>save-commit</c> (inside the Nth group commit, every row written,
/// not committed), <c>save-committed</c> (the Nth group commit is durable, the host not told yet).
/// </summary>
public sealed class KillSwitch(string? kind, int at)
{
    private int _count;

    public static KillSwitch Parse(string? spec)
    {
        if (spec is null)
        {
            return new KillSwitch(null, 0);
        }

        var parts = spec.Split(':');
        return new KillSwitch(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Whether this run kills itself at events of <paramref name="what"/>.</summary>
    public bool Wants(string what) => what == kind;

    /// <summary>Counts an event of <paramref name="what"/>; kills the process when it is the chosen one.</summary>
    public void Reached(string what)
    {
        if (what == kind && Interlocked.Increment(ref _count) == at)
        {
            Console.Out.Flush();
            Process.GetCurrentProcess().Kill();

            // A SIGKILL to ourselves ends the process before this thread runs on; should it not, the thread must not go
            // on (into the commit, say): a deliberate crash, not a wait for async work.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
