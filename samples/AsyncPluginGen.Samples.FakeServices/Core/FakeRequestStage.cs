namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>Where a request is when <see cref="FakeServiceOptions.OnRequest"/> sees it.</summary>
public enum FakeRequestStage
{
    /// <summary>Received: the service has done nothing yet (if the client goes away now, nothing is done).</summary>
    Received,

    /// <summary>Applied: the service did the work, and its answer is not written yet.</summary>
    Applied,
}
