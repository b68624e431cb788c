using System.Text.Json;
using AsyncPluginGen.Samples.Training;
using static AsyncPluginGen.Samples.Tests.Training.TrainingKit;

namespace AsyncPluginGen.Samples.Tests.Training;

/// <summary>What the plugin derives from a task without calling SageMaker: the job name, the quota, the status text.</summary>
public sealed class TrainingJobNamingTests
{
    [Fact]
    public void A_valid_unique_name_is_the_job_name_and_others_become_valid_distinct_names()
    {
        var longName = new string('a', 80);
        var names = new[] { "ml-development-exec-1-n0-0", "ml_dev.exec-1-n0-0", "ml-dev-exec-1-n0-0", longName, longName + "b", "___" }
            .Select(TrainingJobNames.For)
            .ToList();

        Assert.Equal("ml-development-exec-1-n0-0", names[0]);
        Assert.All(names, n => Assert.Matches("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names[1], TrainingJobNames.For("ml_dev.exec-1-n0-0"));
    }

    [Theory]
    [InlineData("""{ "trainingImage": "img", "instanceType": "ml.p4d.24xlarge" }""", TrainingJobPlugin.GpuQuotaNamespace)]
    [InlineData("""{ "trainingImage": "img", "instanceType": "ml.g5.xlarge" }""", TrainingJobPlugin.GpuQuotaNamespace)]
    [InlineData("""{ "trainingImage": "img", "instanceType": "ml.trn1.32xlarge" }""", TrainingJobPlugin.GpuQuotaNamespace)]
    [InlineData("""{ "trainingImage": "img", "instanceType": "ml.m6g.xlarge" }""", TrainingJobPlugin.CpuQuotaNamespace)]
    [InlineData("""{ "trainingImage": "img" }""", TrainingJobPlugin.CpuQuotaNamespace)]
    [InlineData("""{ "instanceType": 42 }""", TrainingJobPlugin.CpuQuotaNamespace)]
    [InlineData("[]", TrainingJobPlugin.CpuQuotaNamespace)]
    public void Accelerated_instance_types_take_the_gpu_quota_and_everything_else_the_cpu_quota(string inputs, string quota)
    {
        var requirements = TrainingJobPlugin.GetResourceRequirements(TaskOf(TrainingJobPlugin.TaskType, "quota", Json(inputs)));

        Assert.Equal(quota, requirements.Namespace.Name);
    }

    [Fact]
    public void A_status_SageMaker_adds_later_reads_as_Unknown_instead_of_failing_the_read()
    {
        var json = """{ "TrainingJobName": "j", "TrainingJobArn": "a", "TrainingJobStatus": "Pausing", "CreationTime": 1735689600.5 }""";

        var job = JsonSerializer.Deserialize<DescribeTrainingJobResponse>(json, new JsonSerializerOptions { Converters = { new EpochSecondsConverter() } })!;

        Assert.Equal(TrainingJobStatus.Unknown, job.TrainingJobStatus);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_735_689_600_500), job.CreationTime);
    }
}
