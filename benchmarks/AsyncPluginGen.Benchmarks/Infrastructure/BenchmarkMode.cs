namespace AsyncPluginGen.Benchmarks.Infrastructure;

/// <summary>
/// Whether the run is the quick one (<c>--quick</c>): smaller parameter sets. Parameter sources are read in the process
/// that plans the run, so this only needs to be set there.
/// </summary>
internal static class BenchmarkMode
{
    public static bool Quick { get; set; }

    /// <summary>Whether the command line names a job (<c>--job</c>, <c>--inProcess</c>); it then runs as given.</summary>
    public static bool JobFromCommandLine { get; set; }

    /// <summary>The full set, or the quick subset when <see cref="Quick"/> is set.</summary>
    public static IEnumerable<T> Pick<T>(IEnumerable<T> full, IEnumerable<T> quick) => Quick ? quick : full;
}
