using System.Text.Json;
using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>A plugin's outputs (ITaskOutputsPlugin) reach the task's output writer once, on success, as propeller writes outputs.pb.</summary>
public sealed class OutputsTests
{
    [Fact]
    public async Task On_success_the_outputs_are_written_to_the_tasks_output_writer()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("DONE").Outputs = () => JsonDocument.Parse("""{"rows": 42}""").RootElement;
        var task = h.NewTask("a");
        var result = await h.CompletionAsync(h.Host.Submit(task));

        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
        Assert.Equal(42, ((InMemoryTaskOutputWriter)task.Outputs).Outputs!.Value.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Outputs_that_cannot_be_read_fail_the_task_with_OutputsNotFound()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("DONE").Outputs = () => throw new IOException("results table is gone");
        var result = await h.CompletionAsync(h.Submit("a"));

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal(HostReasons.OutputsNotFound, result.Phase.Error!.Value.Code);
        Assert.Equal(ExecutionErrorKind.System, result.Phase.Error!.Value.Kind);
        Assert.Contains("results table is gone", result.Phase.Error!.Value.Message);
    }

    [Fact]
    public async Task A_failed_task_asks_for_no_outputs()
    {
        await using var h = new HostHarness();
        var asked = 0;
        h.Script("a").GetStates("FAILED").Outputs = () =>
        {
            asked++;
            return null;
        };
        var task = h.NewTask("a");
        var result = await h.CompletionAsync(h.Host.Submit(task));

        Assert.True(result.Phase.Phase.IsFailure());
        Assert.Equal(0, asked);
        Assert.Null(((InMemoryTaskOutputWriter)task.Outputs).Outputs);
    }
}
