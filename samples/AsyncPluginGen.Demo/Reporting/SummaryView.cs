using System.Globalization;
using Spectre.Console;

namespace AsyncPluginGen.Demo.Reporting;

/// <summary>The end-of-run tables: tasks and calls per plugin, then what each fake service counted, then the verdict.</summary>
internal static class SummaryView
{
    public static void Render(IAnsiConsole console, DemoSummary summary, bool plain)
    {
        var border = plain ? TableBorder.Ascii : TableBorder.Rounded;
        var tasks = new Table()
            .Border(border)
            .Title("Tasks by final phase, and seconds from submission to final phase")
            .AddColumn(new TableColumn("Plugin").NoWrap())
            .AddColumn(new TableColumn("Tasks").RightAligned())
            .AddColumn(new TableColumn("Success").RightAligned())
            .AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Aborted").RightAligned())
            .AddColumn(new TableColumn("p50 s").RightAligned())
            .AddColumn(new TableColumn("p95 s").RightAligned());
        var calls = new Table()
            .Border(border)
            .Title("Remote calls by the host (failed ones included)")
            .AddColumn(new TableColumn("Plugin").NoWrap())
            .AddColumn(new TableColumn("Create").RightAligned())
            .AddColumn(new TableColumn("Get").RightAligned())
            .AddColumn(new TableColumn("Delete").RightAligned())
            .AddColumn(new TableColumn("Do").RightAligned())
            .AddColumn(new TableColumn("Throttled").RightAligned())
            .AddColumn(new TableColumn("Retried").RightAligned());
        foreach (var plugin in summary.Plugins)
        {
            tasks.AddRow(TaskRow(plugin, Markup.Escape(plugin.TaskType)));
            calls.AddRow(CallRow(plugin, Markup.Escape(plugin.TaskType)));
        }

        tasks.AddRow(TaskRow(summary.Total, "[bold]total[/]"));
        calls.AddRow(CallRow(summary.Total, "[bold]total[/]"));
        console.Write(tasks);
        console.Write(calls);

        var services = new Table()
            .Border(border)
            .Title("Counted by the fake services")
            .AddColumn("Service")
            .AddColumn(new TableColumn("Jobs").RightAligned())
            .AddColumn(new TableColumn("Requests").RightAligned())
            .AddColumn(new TableColumn("429s").RightAligned())
            .AddColumn(new TableColumn("Faults").RightAligned())
            .AddColumn(new TableColumn("Leaked").RightAligned())
            .AddColumn(new TableColumn("Lost").RightAligned());
        foreach (var service in summary.Services)
        {
            services.AddRow(
                Markup.Escape(service.Service),
                N(service.JobsCreated),
                N(service.Calls),
                N(service.Throttled),
                N(service.Faults),
                Verdict(service.Leaked),
                Verdict(service.Lost));
        }

        console.Write(services);
        foreach (var problem in summary.Services.SelectMany(s => s.Problems.Select(p => $"{s.Service}: {p}")).Take(20))
        {
            console.MarkupLine("[red]" + Markup.Escape(problem) + "[/]");
        }

        var elapsed = summary.ElapsedSeconds.ToString("F1", CultureInfo.InvariantCulture);
        var faultRate = summary.FaultRate.ToString(CultureInfo.InvariantCulture);
        if (summary.Recovered > 0)
        {
            var phases = string.Join(", ", summary.RecoveredPhases.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key} {p.Value}"));
            console.MarkupLine(Markup.Escape($"Recovered from the task store: {summary.Recovered} task(s) an earlier run left in flight, aborted since their fake services are gone: {phases}."));
        }

        if (summary.LeftInStore > 0)
        {
            console.MarkupLine(Markup.Escape($"Interrupted: {summary.LeftInStore} task(s) left in flight in the task store; the next run with the same --store recovers them."));
        }

        console.MarkupLine(summary.Ok
            ? $"[green]OK[/]: {N(summary.Submitted)} tasks in {elapsed} s at fault rate {faultRate}{(summary.ViaAgent ? ", through the Flyte agent protocol" : "")}; remote jobs leaked: 0, tasks lost: 0."
            : $"[red]FAILED[/]: remote jobs leaked: {N(summary.Leaked)}, tasks lost: {N(summary.Lost)} ({N(summary.Submitted)} tasks in {elapsed} s).");
    }

    private static string[] TaskRow(PluginSummary p, string name) =>
    [
        name,
        N(p.Tasks),
        N(p.Phases.GetValueOrDefault("Success")),
        N(p.Phases.GetValueOrDefault("PermanentFailure") + p.Phases.GetValueOrDefault("RetryableFailure")),
        N(p.Phases.GetValueOrDefault("Aborted")),
        Seconds(p.TimeToTerminalMs.P50),
        Seconds(p.TimeToTerminalMs.P95),
    ];

    private static string[] CallRow(PluginSummary p, string name) =>
    [
        name,
        N(p.Calls.Create),
        N(p.Calls.Get),
        N(p.Calls.Delete),
        N(p.Calls.Do),
        N(p.Throttled),
        N(p.Retried),
    ];

    private static string Verdict(int count) => count == 0 ? "[green]0[/]" : $"[red]{N(count)}[/]";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double ms) => (ms / 1000).ToString("F1", CultureInfo.InvariantCulture);
}
