using AsyncPluginGen.Samples.FakeServices;

namespace AsyncPluginGen.CrashTests;

/// <summary>
/// A moment to kill the child at: a request held at the service (<see cref="Endpoint"/> and <see cref="Stage"/>; the
/// test kills), a point the child reaches itself (<see cref="ChildKind"/>; the child kills itself), or a random time.
/// </summary>
/// <param name="Name">For the report.</param>
/// <param name="Endpoint">The request to hold, for a kill while it is at the service.</param>
/// <param name="Stage">Whether the service has done the work of the held request yet.</param>
/// <param name="ChildKind">The child's kill switch kind (create, delete, save-row, save-commit, save-committed).</param>
/// <param name="MinCount">The chosen event is the Nth of the run, N at least this ...</param>
/// <param name="MaxCount">... and less than this: late enough to spread the kills over the whole workload.</param>
internal sealed record KillMoment(string Name, FakeEndpoint? Endpoint, FakeRequestStage Stage, string? ChildKind, int MinCount, int MaxCount)
{
    /// <summary>
    /// One cycle of every moment. Creates come at about 50 a second; cancels only from the 5% aborted tasks, so an early
    /// one is chosen; group commits come several times a second.
    /// </summary>
    public static readonly KillMoment[] Cycle =
    [
        new("create sent, not applied", FakeEndpoint.Create, FakeRequestStage.Received, null, 20, 250),
        new("delete sent, not applied", FakeEndpoint.Cancel, FakeRequestStage.Received, null, 1, 5),
        new("mid group commit", null, default, "save-row", 5, 150),
        new("random", null, default, null, 0, 0),
        new("create applied, answer in flight", FakeEndpoint.Create, FakeRequestStage.Applied, null, 20, 250),
        new("delete applied, answer in flight", FakeEndpoint.Cancel, FakeRequestStage.Applied, null, 1, 5),
        new("group commit before its commit", null, default, "save-commit", 5, 150),
        new("create answered, answer unused", null, default, "create", 20, 250),
        new("delete answered, answer unused", null, default, "delete", 1, 5),
        new("group commit done, host not told", null, default, "save-committed", 5, 150),
        new("random", null, default, null, 0, 0),
    ];

    public bool IsRandom => Endpoint is null && ChildKind is null;
}
