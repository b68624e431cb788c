namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>The <c>__type</c> values of the SageMaker errors the fake service answers with.</summary>
public static class SageMakerErrors
{
    /// <summary>400: a parameter is invalid, the job is unknown, or the job cannot be stopped in its status.</summary>
    public const string ValidationException = "ValidationException";

    /// <summary>400: a training job with this name already exists in the account and region.</summary>
    public const string ResourceInUse = "ResourceInUse";

    /// <summary>503: no capacity for the instance type right now; the job was not created, and a retry may succeed.</summary>
    public const string CapacityError = "CapacityError";

    /// <summary>400: the request body is not valid JSON for the operation.</summary>
    public const string SerializationException = "SerializationException";

    /// <summary>400: the <c>X-Amz-Target</c> header is missing or names no operation of the service.</summary>
    public const string UnknownOperationException = "UnknownOperationException";

    /// <summary>SageMaker's answer when a training job name is unknown.</summary>
    public const string NotFoundMessage = "Requested resource not found";
}
