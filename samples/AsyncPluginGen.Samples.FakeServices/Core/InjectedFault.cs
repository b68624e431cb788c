namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>What a fake service does wrong to one request.</summary>
public enum InjectedFault
{
    /// <summary>Nothing: the request is served.</summary>
    None,

    /// <summary>500 without doing the work.</summary>
    ServerError,

    /// <summary>503 without doing the work.</summary>
    Unavailable,

    /// <summary>429 with a Retry-After header, without doing the work: the service throttles the client.</summary>
    Throttled,

    /// <summary>The work is done, but the client gets a 504: a gateway lost the answer. Retries must be idempotent.</summary>
    LostResponse,
}
