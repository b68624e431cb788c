using AsyncPluginGen.Samples.FakeServices.Training;
using AsyncPluginGen.Samples.Tests.Infrastructure;
using AsyncPluginGen.Samples.Training;
using static AsyncPluginGen.Samples.Tests.Training.TrainingKit;

namespace AsyncPluginGen.Samples.Tests.Training;

/// <summary>The sync image check driven by <see cref="PluginHost"/>: one call, then the outcome.</summary>
public sealed class TrainingImageCheckPluginTests
{
    [Fact]
    public async Task A_known_image_succeeds()
    {
        await using var harness = await StartAsync(Service(Options()));

        var result = await SampleHarness<TrainingService>.CompletedAsync(harness.Host.Submit(ImageCheckTask("known", TrainingService.PyTorchImage)));

        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
    }

    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/missing:1.0", "does not exist")]
    [InlineData("docker.io/library/python:3.12", "not an Amazon ECR image URI")]
    public async Task An_invalid_image_fails_permanently_with_the_reason(string image, string reason)
    {
        await using var harness = await StartAsync(Service(Options()));

        var result = await SampleHarness<TrainingService>.CompletedAsync(harness.Host.Submit(ImageCheckTask("invalid", image)));

        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal(TrainingImageCheckPlugin.InvalidImageCode, result.Phase.Error!.Value.Code);
        Assert.Contains(reason, result.Phase.Error.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_fails_the_task_naming_the_input()
    {
        await using var harness = await StartAsync(Service(Options()));
        var task = TaskOf(TrainingImageCheckPlugin.TaskType, "no-image", Json("{}"));

        var result = await SampleHarness<TrainingService>.CompletedAsync(harness.Host.Submit(task));

        Assert.True(result.Phase.IsTerminal && result.Phase.Phase != TaskPhase.Success);
        Assert.Contains($"Input 'trainingImage' of task {task.UniqueName}", result.Phase.Error!.Value.Message, StringComparison.Ordinal);
    }
}
