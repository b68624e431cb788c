namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>
/// The body of <c>CreateTrainingJob</c>, reduced to the members the plugin sends. Every member is nullable so that a
/// missing one is reported the way SageMaker reports it (a <c>ValidationException</c> naming the member), not as a
/// deserialization error.
/// </summary>
/// <param name="TrainingJobName">The job's name: unique in the account and region, and the idempotency key.</param>
/// <param name="AlgorithmSpecification">What to run.</param>
/// <param name="ResourceConfig">What to run it on.</param>
/// <param name="StoppingCondition">When SageMaker stops it.</param>
/// <param name="RoleArn">The IAM role SageMaker assumes to run it.</param>
/// <param name="OutputDataConfig">Where the model artifacts go.</param>
internal sealed record CreateTrainingJobRequest(
    string? TrainingJobName,
    AlgorithmSpecification? AlgorithmSpecification,
    ResourceConfig? ResourceConfig,
    StoppingCondition? StoppingCondition,
    string? RoleArn,
    OutputDataConfig? OutputDataConfig);

/// <summary>The training container and how it reads its input.</summary>
/// <param name="TrainingImage">The container image, normally an Amazon ECR URI.</param>
/// <param name="TrainingInputMode"><c>File</c>, <c>Pipe</c> or <c>FastFile</c>.</param>
internal sealed record AlgorithmSpecification(string? TrainingImage, string? TrainingInputMode);

/// <summary>The compute a job runs on.</summary>
/// <param name="InstanceType">An ML instance type, such as <c>ml.p3.2xlarge</c>.</param>
/// <param name="InstanceCount">How many instances.</param>
/// <param name="VolumeSizeInGB">The storage volume of each instance.</param>
internal sealed record ResourceConfig(string? InstanceType, int? InstanceCount, int? VolumeSizeInGB);

/// <summary>When SageMaker stops a job on its own.</summary>
/// <param name="MaxRuntimeInSeconds">The longest the job may run.</param>
internal sealed record StoppingCondition(int? MaxRuntimeInSeconds);

/// <summary>Where a job writes its model artifacts.</summary>
/// <param name="S3OutputPath">An S3 URI prefix.</param>
internal sealed record OutputDataConfig(string? S3OutputPath);
