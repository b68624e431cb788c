using System.Globalization;

namespace AsyncPluginGen.Benchmarks.Infrastructure;

/// <summary>
/// Bytes still reachable per task after a benchmark's iteration, recorded by the benchmark process and read back by the
/// <see cref="PerTaskColumn"/> in the process that writes the summary (they may be different processes). One file per
/// benchmark case, one line per iteration; the column shows the median.
/// </summary>
internal static class RetainedMemory
{
    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), "AsyncPluginGen.Benchmarks", "retained");

    /// <summary>Forgets what earlier runs recorded; called once when a run starts.</summary>
    public static void Reset()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>Full, compacting collection, then the managed heap's size.</summary>
    public static long Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static void Record(string type, string method, int tasks, double bytesPerTask)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.AppendAllText(PathOf(type, method, tasks), bytesPerTask.ToString("R", CultureInfo.InvariantCulture) + Environment.NewLine);
    }

    public static double? Median(string type, string method, int tasks)
    {
        var path = PathOf(type, method, tasks);
        if (!File.Exists(path))
        {
            return null;
        }

        var values = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).Order().ToArray();
        return values.Length == 0 ? null : values[values.Length / 2];
    }

    private static string PathOf(string type, string method, int tasks) => Path.Combine(Directory, $"{type}.{method}.{tasks}.txt");
}
