namespace AsyncPluginGen.Samples.Training;

/// <summary>The SageMaker error types (<c>__type</c>) the training plugins act on.</summary>
public static class SageMakerErrorTypes
{
    /// <summary>400: a parameter is invalid, the job is unknown, or the job cannot be stopped in its status.</summary>
    public const string ValidationException = "ValidationException";

    /// <summary>400: a training job with this name already exists in the account and region.</summary>
    public const string ResourceInUse = "ResourceInUse";

    /// <summary>503: SageMaker has no capacity for the instance type right now and did not create the job.</summary>
    public const string CapacityError = "CapacityError";
}
