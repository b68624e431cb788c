using System.Text.Json;
using AsyncPluginGen.Flyte.Agent;
using Flyteidl.Admin;

namespace AsyncPluginGen.Flyte.Tests.Plugins;

/// <summary>An async test plugin over <see cref="FakeJobBackend"/>: Create by the unique name, Get, Delete, outputs and logs.</summary>
[AsyncPlugin(TaskType, AltTaskType, Version = 1)]
[RateLimits(ReadQps = 1000, ReadBurst = 1000, WriteQps = 1000, WriteBurst = 1000)]
public sealed partial class EchoJobPlugin(FakeJobBackend backend)
    : ITaskOutputsPlugin<EchoMeta, EchoJob>, IAgentTaskLogsPlugin<EchoMeta>
{
    public const string TaskType = "echo_job";
    public const string AltTaskType = "echo_job_alt";

    /// <summary>A query Create refuses for good (<see cref="PermanentTaskFailureException"/>).</summary>
    public const string RefusedQuery = "DROP TABLE t";

    /// <summary>A query whose job Get reports as gone for good once it runs.</summary>
    public const string ExpiringQuery = "SELECT expiring";

    public async ValueTask<EchoMeta> CreateAsync(TaskContext task, CancellationToken ct)
    {
        // A missing input throws KeyNotFoundException: the agent answers INVALID_ARGUMENT.
        var query = task.Inputs.GetProperty("query").GetString() ?? throw new ArgumentException("query must be a string");
        if (query == RefusedQuery)
        {
            throw new PermanentTaskFailureException("QueryRefused", "The warehouse refuses DROP statements.");
        }

        var job = await backend.CreateAsync(task.UniqueName, query, ct);
        return new EchoMeta(job.Id, task.Namespace);
    }

    public async ValueTask<EchoJob> GetAsync(EchoMeta meta, CancellationToken ct)
    {
        var job = await backend.GetAsync(meta.JobId, ct);
        if (job.Query == ExpiringQuery && job.State == JobState.Running)
        {
            throw new PermanentTaskFailureException("JobExpired", "The warehouse expired the job's results.");
        }

        return new EchoJob(job.Id, job.State, job.Error, job.Query);
    }

    public ValueTask DeleteAsync(EchoMeta meta, DeleteReason reason, CancellationToken ct) => backend.DeleteAsync(meta.JobId, ct);

    public ValueTask<JsonElement?> GetOutputsAsync(StatusContext<EchoMeta, EchoJob> context, CancellationToken cancellationToken) =>
        new(JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["job_id"] = context.ResourceMeta.JobId, ["rows"] = 42, ["query"] = context.Resource.Query }));

    public async IAsyncEnumerable<GetTaskLogsResponse> GetTaskLogsAsync(EchoMeta resourceMeta, GetTaskLogsRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new GetTaskLogsResponse { Header = new GetTaskLogsResponseHeader { Token = "t1" } };
        var body = new GetTaskLogsResponseBody();
        body.StructuredLines.Add(new LogLine { Message = $"job {resourceMeta.JobId} says hello", Originator = LogLineOriginator.User });
        yield return new GetTaskLogsResponse { Body = body };
    }
}

public sealed record EchoMeta(string JobId, string Namespace);

public sealed record EchoJob(string Id, [property: PhaseSource] JobState State, [property: PhaseMessage] string? Error, string Query);

public enum JobState
{
    [Phase(TaskPhase.Queued)] Pending,
    [Phase(TaskPhase.Running)] Running,
    [Phase(TaskPhase.Success)] Done,
    [Phase(TaskPhase.PermanentFailure, Code = "JobFailed")] Failed,
    [Phase(TaskPhase.RetryableFailure, Code = "JobPreempted")] Preempted,
}
