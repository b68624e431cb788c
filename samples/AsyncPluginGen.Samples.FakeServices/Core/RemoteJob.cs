namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>One job of a fake service, as seen at one instant.</summary>
/// <param name="Id">The service's id of the job.</param>
/// <param name="Key">The client's idempotency key (job id, idempotency token or job name, depending on the API).</param>
/// <param name="State">Its state at <paramref name="At"/>.</param>
/// <param name="CreatedAt">When the service accepted it.</param>
/// <param name="StartedAt">When it started running, once it has.</param>
/// <param name="EndedAt">When it ended or was cancelled, once it has.</param>
/// <param name="FailureMessage">Why it failed, when it did.</param>
/// <param name="Payload">What the client sent to create it, in the API's own type.</param>
/// <param name="At">The instant of this view.</param>
public sealed record RemoteJob(
    string Id,
    string Key,
    RemoteJobState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? FailureMessage,
    object? Payload,
    DateTimeOffset At);
