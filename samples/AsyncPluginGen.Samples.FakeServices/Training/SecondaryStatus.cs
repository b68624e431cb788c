namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>
/// The detailed status SageMaker reports next to <see cref="TrainingJobStatus"/>: the subset the fake service's jobs
/// pass through (SageMaker has more, such as <c>Downloading</c>, <c>Uploading</c> or <c>MaxRuntimeExceeded</c>).
/// </summary>
internal enum SecondaryStatus
{
    /// <summary>Provisioning instances and pulling the image.</summary>
    Starting,

    /// <summary>The training container runs.</summary>
    Training,

    /// <summary>Ended well.</summary>
    Completed,

    /// <summary>Ended badly.</summary>
    Failed,

    /// <summary>Shutting down after a stop request.</summary>
    Stopping,

    /// <summary>Stopped.</summary>
    Stopped,
}
