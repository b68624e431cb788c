using AsyncPluginGen;

namespace Consumer;

[AsyncPlugin("echo")]
public sealed partial class EchoPlugin(EchoService service)
{
    public async ValueTask<EchoRef> CreateAsync(TaskContext task, CancellationToken ct) =>
        new(await service.StartAsync(task.Inputs.GetProperty("message").GetString()!, task.UniqueName, ct));

    public ValueTask<EchoJob> GetAsync(EchoRef meta, CancellationToken ct) => service.GetAsync(meta.Id, ct);

    public ValueTask DeleteAsync(EchoRef meta, DeleteReason reason, CancellationToken ct) => service.CancelAsync(meta.Id, ct);
}

public sealed record EchoRef(string Id);

public sealed record EchoJob(string Id, [property: PhaseSource] EchoState State, string Message);

public enum EchoState
{
    [Phase(TaskPhase.Running)] Running,
    [Phase(TaskPhase.Success)] Done,
    [Phase(TaskPhase.PermanentFailure, Code = "Cancelled")] Cancelled,
}
