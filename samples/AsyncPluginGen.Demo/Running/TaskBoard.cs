using System.Diagnostics;
using AsyncPluginGen.Demo.Reporting;

namespace AsyncPluginGen.Demo.Running;

/// <summary>
/// The run's tasks, their handles once submitted, and when each ended. Progress is read by scanning the handles'
/// current phases, so the display never disagrees with the host.
/// </summary>
internal sealed class TaskBoard
{
    private readonly IReadOnlyList<PlannedTask> _tasks;
    private readonly IReadOnlyList<SampleLane> _lanes;
    private readonly HostMetricsTap _metrics;
    private readonly TaskHandle?[] _handles;
    private readonly long[] _submittedAt;
    private readonly double[] _terminalMs;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, (long Calls, TimeSpan At)> _previous = new(StringComparer.Ordinal);

    public TaskBoard(IReadOnlyList<PlannedTask> tasks, IReadOnlyList<SampleLane> lanes, HostMetricsTap metrics)
    {
        _tasks = tasks;
        _lanes = lanes;
        _metrics = metrics;
        _handles = new TaskHandle?[tasks.Count];
        _submittedAt = new long[tasks.Count];
        _terminalMs = new double[tasks.Count];
        Array.Fill(_terminalMs, double.NaN);
    }

    public IReadOnlyList<PlannedTask> Tasks => _tasks;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startedAt);

    public TaskHandle? Handle(int index) => Volatile.Read(ref _handles[index]);

    /// <summary>Records a submitted task and, when it ends, its time from submission to its final phase.</summary>
    public void Submitted(PlannedTask task, TaskHandle handle)
    {
        _submittedAt[task.Index] = Stopwatch.GetTimestamp();
        Volatile.Write(ref _handles[task.Index], handle);
        handle.Completion.ContinueWith(
            (_, state) =>
            {
                var index = (int)state!;
                _terminalMs[index] = Stopwatch.GetElapsedTime(_submittedAt[index]).TotalMilliseconds;
            },
            task.Index,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Milliseconds from submission to final phase of the lane's ended tasks (every lane when null).</summary>
    public IReadOnlyList<double> TimesToTerminal(SampleLane? lane) =>
        _tasks.Where(t => lane is null || t.Lane == lane).Select(t => _terminalMs[t.Index]).Where(ms => !double.IsNaN(ms)).ToArray();

    public ProgressSnapshot Snapshot()
    {
        var elapsed = Elapsed;
        var rows = new List<LaneProgress>(_lanes.Count);
        foreach (var lane in _lanes)
        {
            int waiting = 0, queued = 0, running = 0, succeeded = 0, failed = 0, aborted = 0;
            foreach (var task in _tasks)
            {
                if (task.Lane != lane)
                {
                    continue;
                }

                switch (Handle(task.Index)?.Phase.Phase)
                {
                    case TaskPhase.Queued or TaskPhase.Initializing:
                        queued++;
                        break;
                    case TaskPhase.Running:
                        running++;
                        break;
                    case TaskPhase.Success:
                        succeeded++;
                        break;
                    case TaskPhase.PermanentFailure or TaskPhase.RetryableFailure:
                        failed++;
                        break;
                    case TaskPhase.Aborted:
                        aborted++;
                        break;
                    default:
                        waiting++;
                        break;
                }
            }

            var calls = _metrics.AllCalls(lane.PluginId);
            var rate = 0d;
            lock (_previous)
            {
                // The first snapshot measures from the start of the run.
                var before = _previous.TryGetValue(lane.Name, out var previous) ? previous : (Calls: 0L, At: TimeSpan.Zero);
                if (elapsed > before.At)
                {
                    rate = (calls - before.Calls) / (elapsed - before.At).TotalSeconds;
                }

                _previous[lane.Name] = (calls, elapsed);
            }

            rows.Add(new LaneProgress(lane.Name, waiting, queued, running, succeeded, failed, aborted, calls, rate, _metrics.Throttled(lane.PluginId), _metrics.Retries(lane.PluginId)));
        }

        return new ProgressSnapshot(elapsed, rows);
    }
}
