using System.Globalization;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>
/// The whole machine's busy CPU time from <c>/proc/stat</c> (Linux; zero elsewhere), so a measured window can say how
/// much of the machine other processes took: busy time less the load test's own client and server CPU time.
/// </summary>
internal static class MachineLoad
{
    // USER_HZ: the kernel reports /proc/stat in 1/100 s on every Linux this runs on.
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU time all cores have spent busy (not idle, not waiting for I/O) since boot.</summary>
    public static double BusySeconds()
    {
        try
        {
            var first = File.ReadLines("/proc/stat").First();
            var fields = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return (total - idle) / TicksPerSecond;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    /// <summary>The 1-, 5- and 15-minute load averages, as <c>/proc/loadavg</c> prints them.</summary>
    public static string LoadAverages()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
