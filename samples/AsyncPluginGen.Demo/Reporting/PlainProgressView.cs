using System.Globalization;
using AsyncPluginGen.Demo.Running;

namespace AsyncPluginGen.Demo.Reporting;

/// <summary>
/// Progress for logs and pipes: every few seconds, one plain line per plugin. No colours, cursor moves or other
/// control characters, so CI logs stay readable.
/// </summary>
internal sealed class PlainProgressView(TextWriter writer, TimeSpan interval) : IProgressView
{
    public async Task RunAsync(TaskBoard board, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await WriteAsync(board.Snapshot()).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Every task has ended: write the final state below.
        }

        await WriteAsync(board.Snapshot()).ConfigureAwait(false);
    }

    private async Task WriteAsync(ProgressSnapshot snapshot)
    {
        var at = snapshot.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture).PadLeft(6);
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{at}s] {snapshot.Ended}/{snapshot.Total} tasks ended")).ConfigureAwait(false);
        foreach (var lane in snapshot.Lanes)
        {
            await writer.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"          {lane.Name,-13} waiting {lane.Waiting,4}  queued {lane.Queued,4}  running {lane.Running,4}  succeeded {lane.Succeeded,4}  failed {lane.Failed,4}  aborted {lane.Aborted,4} | {lane.CallsPerSecond,5:F0} calls/s  throttled {lane.Throttled,4}  retries {lane.Retries,3}")).ConfigureAwait(false);
        }

        await writer.FlushAsync().ConfigureAwait(false);
    }
}
