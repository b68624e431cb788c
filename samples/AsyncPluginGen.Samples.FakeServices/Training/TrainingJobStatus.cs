namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>SageMaker's primary status of a training job.</summary>
internal enum TrainingJobStatus
{
    /// <summary>Starting or running.</summary>
    InProgress,

    /// <summary>Ended well.</summary>
    Completed,

    /// <summary>Ended badly; <c>FailureReason</c> says why.</summary>
    Failed,

    /// <summary>A stop was requested; the instances are shutting down.</summary>
    Stopping,

    /// <summary>Stopped.</summary>
    Stopped,
}
