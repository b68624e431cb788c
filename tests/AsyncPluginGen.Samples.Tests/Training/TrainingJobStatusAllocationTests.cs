using AsyncPluginGen.Samples.Training;

namespace AsyncPluginGen.Samples.Tests.Training;

/// <summary>The generated Status of the training-job plugin allocates nothing, for every state SageMaker can report.</summary>
public sealed class TrainingJobStatusAllocationTests
{
    private const int Calls = 10_000;

    [Fact]
    public void Status_allocates_nothing_in_any_state()
    {
        using var http = new HttpClient();
        IAsyncPlugin<TrainingJobRef, DescribeTrainingJobResponse> plugin = new TrainingJobPlugin(new TrainingClient(http));
        var task = TrainingKit.JobTask("alloc");
        var meta = new TrainingJobRef("alloc");
        var contexts = Enum.GetValues<TrainingJobStatus>()
            .Select(status => new StatusContext<TrainingJobRef, DescribeTrainingJobResponse>(
                task,
                meta,
                new DescribeTrainingJobResponse("alloc", "arn", status, "Training", status == TrainingJobStatus.Failed ? "AlgorithmError: boom" : null, DateTimeOffset.UnixEpoch)))
            .ToArray();
        var phases = new int[16];
        for (var i = 0; i < Calls; i++)
        {
            phases[(int)plugin.Status(in contexts[i % contexts.Length]).Phase]++;
        }

        Array.Clear(phases);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            phases[(int)plugin.Status(in contexts[i % contexts.Length]).Phase]++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(4, phases.Count(n => n > 0)); // Running, Success, PermanentFailure, Aborted
    }

    [Theory]
    [InlineData(TrainingJobStatus.Unknown, TaskPhase.Running)]
    [InlineData(TrainingJobStatus.InProgress, TaskPhase.Running)]
    [InlineData(TrainingJobStatus.Completed, TaskPhase.Success)]
    [InlineData(TrainingJobStatus.Failed, TaskPhase.PermanentFailure)]
    [InlineData(TrainingJobStatus.Stopping, TaskPhase.Running)]
    [InlineData(TrainingJobStatus.Stopped, TaskPhase.Aborted)]
    public void Each_status_maps_to_its_phase(TrainingJobStatus status, TaskPhase phase)
    {
        using var http = new HttpClient();
        IAsyncPlugin<TrainingJobRef, DescribeTrainingJobResponse> plugin = new TrainingJobPlugin(new TrainingClient(http));
        var resource = new DescribeTrainingJobResponse("j", "arn", status, null, "AlgorithmError: boom", DateTimeOffset.UnixEpoch);

        var info = plugin.Status(new StatusContext<TrainingJobRef, DescribeTrainingJobResponse>(TrainingKit.JobTask("map"), new TrainingJobRef("j"), resource));

        Assert.Equal(phase, info.Phase);
        if (phase == TaskPhase.PermanentFailure)
        {
            Assert.Equal("AlgorithmError: boom", info.Error!.Value.Message);
        }
    }
}
