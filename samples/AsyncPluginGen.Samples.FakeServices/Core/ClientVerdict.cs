namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>How the client says one of its tasks ended.</summary>
public enum ClientVerdict
{
    /// <summary>The task succeeded: its job must exist and have succeeded.</summary>
    Succeeded,

    /// <summary>The task failed (the job failed, or the client gave up on it).</summary>
    Failed,

    /// <summary>The task was aborted: its job, if any, must have been cancelled or have ended.</summary>
    Aborted,

    /// <summary>The task never reached a final phase: it was lost.</summary>
    Unfinished,

    /// <summary>
    /// The task has not ended, and it is not lost: its state is durable in a task store and a later host resumes it (a
    /// host stopped with its tasks in flight). Its job may still be live without being leaked.
    /// </summary>
    HandedOver,
}

/// <summary>The client's claim about one task, keyed the way the service knows it.</summary>
/// <param name="Key">The idempotency key the task's Create used.</param>
/// <param name="Verdict">How the client says the task ended.</param>
public readonly record struct ClientTaskOutcome(string Key, ClientVerdict Verdict);
