using System.Net;
using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Training;
using Microsoft.Extensions.Time.Testing;
using static AsyncPluginGen.Samples.Tests.Training.TrainingKit;

namespace AsyncPluginGen.Samples.Tests.Training;

/// <summary>The fake SageMaker's API over raw HTTP: AWS JSON 1.1 shapes, SageMaker's states and its error answers.</summary>
public sealed class TrainingServiceApiTests
{
    [Fact]
    public async Task Create_then_describe_reports_the_job_in_SageMakers_shape()
    {
        await using var harness = await StartAsync(Service(Options(jobDuration: Long, pending: Long)));

        var (created, createBody) = await SageMakerAsync(harness.Http, "CreateTrainingJob", CreateBody("resnet-1"));
        var (described, job) = await SageMakerAsync(harness.Http, "DescribeTrainingJob", NameBody("resnet-1"));

        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal(TrainingService.TrainingJobArn("resnet-1"), createBody.GetProperty("TrainingJobArn").GetString());
        Assert.Equal(HttpStatusCode.OK, described);
        Assert.Equal("resnet-1", job.GetProperty("TrainingJobName").GetString());
        Assert.Equal(TrainingService.TrainingJobArn("resnet-1"), job.GetProperty("TrainingJobArn").GetString());
        Assert.Equal("InProgress", job.GetProperty("TrainingJobStatus").GetString());
        Assert.Equal("Starting", job.GetProperty("SecondaryStatus").GetString());
        Assert.Equal(JsonValueKind.Number, job.GetProperty("CreationTime").ValueKind);
        Assert.False(job.TryGetProperty("FailureReason", out _));
        Assert.False(job.TryGetProperty("TrainingEndTime", out _));
    }

    [Fact]
    public async Task A_second_create_of_a_name_is_refused_with_ResourceInUse_and_leaves_one_job()
    {
        await using var harness = await StartAsync(Service(Options(jobDuration: Long)));

        var (first, _) = await SageMakerAsync(harness.Http, "CreateTrainingJob", CreateBody("bert-1"));
        var (second, error) = await SageMakerAsync(harness.Http, "CreateTrainingJob", CreateBody("bert-1"));

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal(SageMakerErrors.ResourceInUse, error.GetProperty("__type").GetString());
        Assert.Contains(TrainingService.TrainingJobArn("bert-1"), error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(harness.Service.Ledger.Jobs());
    }

    [Fact]
    public async Task Describe_and_stop_of_an_unknown_job_answer_ValidationException_not_found()
    {
        await using var harness = await StartAsync(Service(Options()));

        foreach (var operation in new[] { "DescribeTrainingJob", "StopTrainingJob" })
        {
            var (status, error) = await SageMakerAsync(harness.Http, operation, NameBody("nobody"));

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(SageMakerErrors.ValidationException, error.GetProperty("__type").GetString());
            Assert.Equal(SageMakerErrors.NotFoundMessage, error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Stop_goes_through_Stopping_to_Stopped_and_a_stop_after_the_end_is_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await StartAsync(Service(Options(jobDuration: Long, stopDuration: TimeSpan.FromMinutes(2), time: time)));
        await SageMakerAsync(harness.Http, "CreateTrainingJob", CreateBody("gpt-1"));

        var (firstStop, firstBody) = await SageMakerAsync(harness.Http, "StopTrainingJob", NameBody("gpt-1"));
        var (_, stopping) = await SageMakerAsync(harness.Http, "DescribeTrainingJob", NameBody("gpt-1"));
        var (secondStop, _) = await SageMakerAsync(harness.Http, "StopTrainingJob", NameBody("gpt-1"));
        time.Advance(TimeSpan.FromMinutes(2));
        var (_, stopped) = await SageMakerAsync(harness.Http, "DescribeTrainingJob", NameBody("gpt-1"));
        var (lateStop, lateError) = await SageMakerAsync(harness.Http, "StopTrainingJob", NameBody("gpt-1"));

        Assert.Equal(HttpStatusCode.OK, firstStop);
        Assert.Equal(JsonValueKind.Object, firstBody.ValueKind);
        Assert.Equal(("Stopping", "Stopping"), (stopping.GetProperty("TrainingJobStatus").GetString(), stopping.GetProperty("SecondaryStatus").GetString()));
        Assert.Equal(HttpStatusCode.OK, secondStop);
        Assert.Equal("Stopped", stopped.GetProperty("TrainingJobStatus").GetString());
        Assert.Equal(JsonValueKind.Number, stopped.GetProperty("TrainingEndTime").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, lateStop);
        Assert.Equal(SageMakerErrors.ValidationException, lateError.GetProperty("__type").GetString());
        Assert.Contains("status Stopped", lateError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("SageMaker.DeleteEverything")]
    [InlineData("AmazonS3.CreateTrainingJob")]
    public async Task A_missing_or_unknown_target_answers_UnknownOperationException(string? target)
    {
        await using var harness = await StartAsync(Service(Options()));

        var (status, error) = await CallAsync(harness.Http, target, CreateBody("x-1"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(SageMakerErrors.UnknownOperationException, error.GetProperty("__type").GetString());
        Assert.Empty(harness.Service.Ledger.Jobs());
    }

    [Theory]
    [InlineData("""{ "TrainingJobName": "bad_name" }""", SageMakerErrors.ValidationException, "'trainingJobName'")]
    [InlineData("""{ "TrainingJobName": "ok-name" }""", SageMakerErrors.ValidationException, "Value null at 'roleArn'")]
    [InlineData("{", SageMakerErrors.SerializationException, "CreateTrainingJob")]
    public async Task A_bad_create_answers_400_naming_the_problem(string body, string type, string fragment)
    {
        await using var harness = await StartAsync(Service(Options()));

        var (status, error) = await SageMakerAsync(harness.Http, "CreateTrainingJob", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(type, error.GetProperty("__type").GetString());
        Assert.Contains(fragment, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(harness.Service.Ledger.Jobs());
    }

    [Fact]
    public async Task An_invalid_member_is_named_by_its_path()
    {
        await using var harness = await StartAsync(Service(Options()));

        var (status, error) = await SageMakerAsync(harness.Http, "CreateTrainingJob", CreateBody("zero-1", instanceCount: 0));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "1 validation error detected: Value '0' at 'resourceConfig.instanceCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
            error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_capacity_error_is_a_503_that_creates_no_job()
    {
        await using var harness = await StartAsync(Service(Options(), capacityErrorRate: 1));

        var (status, error) = await SageMakerAsync(harness.Http, "CreateTrainingJob", CreateBody("big-1", instanceType: "ml.p3.2xlarge"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(SageMakerErrors.CapacityError, error.GetProperty("__type").GetString());
        Assert.Contains("ml.p3.2xlarge", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(harness.Service.Ledger.Jobs());
        Assert.Equal(1, harness.Service.CapacityErrors);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void The_capacity_error_rate_is_a_probability(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingService(new FakeServiceOptions()) { CapacityErrorRate = rate });

    [Theory]
    [InlineData(TrainingService.XGBoostImage, true, null)]
    [InlineData("123456789012.dkr.ecr.us-east-1.amazonaws.com/my-model:v1", false, "does not exist")]
    [InlineData("pytorch:latest", false, "not an Amazon ECR image URI")]
    public async Task DescribeTrainingImage_tells_whether_a_job_could_run_the_image(string image, bool valid, string? reason)
    {
        await using var harness = await StartAsync(Service(Options()));

        var (status, body) = await SageMakerAsync(harness.Http, "DescribeTrainingImage", $$"""{ "TrainingImage": "{{image}}" }""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(valid, body.GetProperty("Valid").GetBoolean());
        if (reason is null)
        {
            Assert.False(body.TryGetProperty("Reason", out _));
        }
        else
        {
            Assert.Contains(reason, body.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        }
    }
}
