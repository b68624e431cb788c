using System.Net;
using System.Text;
using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;
using AsyncPluginGen.Samples.FakeServices.Training;
using AsyncPluginGen.Samples.Tests.Infrastructure;
using AsyncPluginGen.Samples.Training;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Samples.Tests.Training;

/// <summary>What the Training tests share: service options, a started harness, tasks, raw API calls and waits.</summary>
internal static class TrainingKit
{
    public static readonly TimeSpan Long = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions InputsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Options with no latency and no faults; jobs last <paramref name="jobDuration"/> (0: done when created).</summary>
    public static FakeServiceOptions Options(
        TimeSpan? jobDuration = null,
        double faultRate = 0,
        double jobFailureRate = 0,
        int seed = 1,
        TimeSpan? pending = null,
        TimeSpan? stopDuration = null,
        TimeProvider? time = null) => new()
        {
            Seed = seed,
            FaultRate = faultRate,
            JobFailureRate = jobFailureRate,
            MinLatency = TimeSpan.Zero,
            MaxLatency = TimeSpan.Zero,
            PendingDuration = pending ?? TimeSpan.Zero,
            MinJobDuration = jobDuration ?? TimeSpan.Zero,
            MaxJobDuration = jobDuration ?? TimeSpan.Zero,
            StopDuration = stopDuration ?? TimeSpan.Zero,
            Time = time ?? TimeProvider.System,
        };

    /// <summary>Starts <paramref name="service"/> with the samples' plugins and a <see cref="TrainingClient"/> on it.</summary>
    public static Task<SampleHarness<TrainingService>> StartAsync(TrainingService service, PluginHostOptions? hostOptions = null) =>
        SampleHarness<TrainingService>.StartAsync(
            service,
            (services, http) => services.AddSingleton(new TrainingClient(http)).AddAsyncPluginGenSamplesPlugins(),
            hostOptions);

    /// <summary>A service without capacity errors unless asked for.</summary>
    public static TrainingService Service(FakeServiceOptions options, double capacityErrorRate = 0) =>
        new(options) { CapacityErrorRate = capacityErrorRate };

    public static TaskContext TaskOf(string taskType, string execution, JsonElement inputs) =>
        new(taskType, new TaskExecutionId("ml", "development", execution, "n0")) { Inputs = inputs };

    public static TaskContext JobTask(string execution, TrainingJobInputs? inputs = null) =>
        TaskOf(TrainingJobPlugin.TaskType, execution, JsonSerializer.SerializeToElement(inputs ?? new TrainingJobInputs(TrainingService.PyTorchImage), InputsJson));

    public static TaskContext ImageCheckTask(string execution, string image) =>
        TaskOf(TrainingImageCheckPlugin.TaskType, execution, JsonSerializer.SerializeToElement(new TrainingImageCheckInputs(image), InputsJson));

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Waits until the task reports a phase that satisfies <paramref name="until"/>, or ends.</summary>
    public static async Task WaitForAsync(TaskHandle handle, Func<TaskPhase, bool> until, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await foreach (var change in handle.WatchAsync(cts.Token))
        {
            if (until(change.Phase.Phase) || change.Phase.IsTerminal)
            {
                return;
            }
        }
    }

    public static ClientVerdict VerdictOf(TaskResult result) => result.State switch
    {
        PluginState.Succeeded => ClientVerdict.Succeeded,
        PluginState.Aborted => ClientVerdict.Aborted,
        _ => ClientVerdict.Failed,
    };

    /// <summary>One raw AWS JSON 1.1 call: the status and the parsed body.</summary>
    /// <param name="http">The client on the service.</param>
    /// <param name="target">The whole <c>X-Amz-Target</c> header, or null to send none.</param>
    /// <param name="body">The JSON body.</param>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpClient http, string? target, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null)
        {
            Content = new StringContent(body, Encoding.UTF8, TrainingService.ContentType),
        };
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, Json(await response.Content.ReadAsStringAsync()));
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> SageMakerAsync(HttpClient http, string operation, string body) =>
        CallAsync(http, TrainingService.TargetPrefix + operation, body);

    public static string CreateBody(string name, string instanceType = "ml.m5.xlarge", int instanceCount = 1) => $$"""
        {
          "TrainingJobName": "{{name}}",
          "AlgorithmSpecification": { "TrainingImage": "{{TrainingService.PyTorchImage}}", "TrainingInputMode": "File" },
          "ResourceConfig": { "InstanceType": "{{instanceType}}", "InstanceCount": {{instanceCount}}, "VolumeSizeInGB": 30 },
          "StoppingCondition": { "MaxRuntimeInSeconds": 3600 },
          "RoleArn": "arn:aws:iam::123456789012:role/FlyteSageMakerExecution",
          "OutputDataConfig": { "S3OutputPath": "s3://bucket/models" }
        }
        """;

    public static string NameBody(string name) => $$"""{ "TrainingJobName": "{{name}}" }""";
}
