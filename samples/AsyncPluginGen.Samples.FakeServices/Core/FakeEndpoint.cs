namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>The three kinds of call every fake service serves, counted separately.</summary>
public enum FakeEndpoint
{
    /// <summary>Starts a job.</summary>
    Create,

    /// <summary>Reads a job.</summary>
    Get,

    /// <summary>Cancels a job.</summary>
    Cancel,
}
