using System.Globalization;
using AsyncPluginGen.Demo.Running;
using Spectre.Console;

namespace AsyncPluginGen.Demo.Reporting;

/// <summary>A live table on a terminal, redrawn four times a second: per plugin, tasks per phase and call rates.</summary>
internal sealed class LiveProgressView(IAnsiConsole console) : IProgressView
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(TaskBoard board, CancellationToken stop)
    {
        await console.Live(Render(board.Snapshot()))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                using var timer = new PeriodicTimer(Interval);
                try
                {
                    while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
                    {
                        context.UpdateTarget(Render(board.Snapshot()));
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Every task has ended: draw the final state below.
                }

                context.UpdateTarget(Render(board.Snapshot()));
            })
            .ConfigureAwait(false);
    }

    private static Table Render(ProgressSnapshot snapshot)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title($"[bold]AsyncPluginGen demo[/]  {snapshot.Ended}/{snapshot.Total} tasks ended  [grey]{snapshot.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s[/]")
            .AddColumn(new TableColumn("Plugin").NoWrap())
            .AddColumn(new TableColumn("Waiting").RightAligned().PadRight(0))
            .AddColumn(new TableColumn("Queued").RightAligned().PadRight(0))
            .AddColumn(new TableColumn("Running").RightAligned().PadRight(0))
            .AddColumn(new TableColumn("[green]Success[/]").RightAligned().PadRight(0))
            .AddColumn(new TableColumn("[red]Failed[/]").RightAligned().PadRight(0))
            .AddColumn(new TableColumn("[yellow]Aborted[/]").RightAligned().PadRight(0))
            .AddColumn(new TableColumn("Calls/s").RightAligned().PadRight(0))
            .AddColumn(new TableColumn("Throttled").RightAligned().PadRight(0))
            .AddColumn(new TableColumn("Retries").RightAligned().PadRight(0));
        foreach (var lane in snapshot.Lanes)
        {
            table.AddRow(
                Markup.Escape(lane.Name),
                Number(lane.Waiting),
                Number(lane.Queued),
                Number(lane.Running),
                Number(lane.Succeeded),
                Number(lane.Failed),
                Number(lane.Aborted),
                lane.CallsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                Number(lane.Throttled),
                Number(lane.Retries));
        }

        return table;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
