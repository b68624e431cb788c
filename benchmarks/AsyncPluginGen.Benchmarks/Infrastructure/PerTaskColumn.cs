using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AsyncPluginGen.Benchmarks.Infrastructure;

/// <summary>
/// Per-task figures for benchmarks whose one operation handles <c>Tasks</c> tasks (the host group): time and allocation
/// divided by the task count, and the bytes each task keeps reachable (<see cref="RetainedMemory"/>).
/// </summary>
internal sealed class PerTaskColumn : IColumn
{
    public const string TasksParameter = "Tasks";

    private readonly Kind _kind;

    private PerTaskColumn(Kind kind) => _kind = kind;

    private enum Kind
    {
        Time,
        Allocated,
        Retained,
    }

    public static IColumn[] All { get; } = [new PerTaskColumn(Kind.Time), new PerTaskColumn(Kind.Allocated), new PerTaskColumn(Kind.Retained)];

    public string Id => nameof(PerTaskColumn) + _kind;

    public string ColumnName => _kind switch
    {
        Kind.Time => "Time/task",
        Kind.Allocated => "Alloc/task",
        _ => "Retained/task",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)_kind;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _kind switch
    {
        Kind.Time => "Mean time of one operation divided by the number of tasks it handles",
        Kind.Allocated => "Bytes allocated by one operation divided by the number of tasks it handles",
        _ => "Managed heap growth per task while the tasks are in flight (median over iterations; host bookkeeping only)",
    };

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Parameters.Items.Any(p => p.Name == TasksParameter)) &&
        (_kind != Kind.Retained || summary.BenchmarksCases.Any(c => Retained(c) is not null));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (Tasks(benchmarkCase) is not { } tasks || summary[benchmarkCase] is not { } report)
        {
            return "-";
        }

        return _kind switch
        {
            Kind.Time when report.ResultStatistics is { } statistics => (statistics.Mean / tasks).ToString("N1", CultureInfo.InvariantCulture) + " ns",
            Kind.Allocated when report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } bytes => ((double)bytes / tasks).ToString("N1", CultureInfo.InvariantCulture) + " B",
            Kind.Retained when Retained(benchmarkCase) is { } bytes => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B",
            _ => "-",
        };
    }

    private static int? Tasks(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == TasksParameter)?.Value is int tasks ? tasks : null;

    private static double? Retained(BenchmarkCase benchmarkCase) =>
        Tasks(benchmarkCase) is { } tasks
            ? RetainedMemory.Median(benchmarkCase.Descriptor.Type.Name, benchmarkCase.Descriptor.WorkloadMethod.Name, tasks)
            : null;
}
