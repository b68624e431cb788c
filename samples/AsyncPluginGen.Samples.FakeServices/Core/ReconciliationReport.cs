namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>
/// What a fake service found when it compared its jobs with the client's claims. Both <see cref="Leaked"/> and
/// <see cref="Lost"/> must be zero for a correct client.
/// </summary>
/// <param name="Service">The service's name.</param>
/// <param name="JobsCreated">Jobs the service created.</param>
/// <param name="Leaked">Jobs still pending or running although every client task has ended, so nobody will stop them.</param>
/// <param name="Lost">Client tasks that never ended, claim a success the service never saw, or whose job the client never accounted for.</param>
/// <param name="Problems">One line per leak or loss, naming the job or key and what is wrong; empty when all is well.</param>
public sealed record ReconciliationReport(string Service, int JobsCreated, int Leaked, int Lost, IReadOnlyList<string> Problems);
