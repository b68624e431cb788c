namespace AsyncPluginGen.Samples.Training;

/// <summary>The body of SageMaker's <c>CreateTrainingJob</c>, reduced to the members the plugin sets.</summary>
/// <param name="TrainingJobName">The job's name: unique in the account and region, so it is the idempotency key.</param>
/// <param name="AlgorithmSpecification">What to run.</param>
/// <param name="ResourceConfig">What to run it on.</param>
/// <param name="StoppingCondition">When SageMaker stops it.</param>
/// <param name="RoleArn">The IAM role SageMaker assumes to run it.</param>
/// <param name="OutputDataConfig">Where the model artifacts go.</param>
public sealed record CreateTrainingJobRequest(
    string TrainingJobName,
    AlgorithmSpecification AlgorithmSpecification,
    ResourceConfig ResourceConfig,
    StoppingCondition StoppingCondition,
    string RoleArn,
    OutputDataConfig OutputDataConfig);

/// <summary>The training container and how it reads its input.</summary>
/// <param name="TrainingImage">The container image, an Amazon ECR URI.</param>
/// <param name="TrainingInputMode"><c>File</c> (copy the data to the instance first), <c>Pipe</c> or <c>FastFile</c>.</param>
public sealed record AlgorithmSpecification(string TrainingImage, string TrainingInputMode = "File");

/// <summary>The compute a job runs on.</summary>
/// <param name="InstanceType">An ML instance type, such as <c>ml.p3.2xlarge</c>.</param>
/// <param name="InstanceCount">How many instances.</param>
/// <param name="VolumeSizeInGB">The storage volume of each instance.</param>
public sealed record ResourceConfig(string InstanceType, int InstanceCount, int VolumeSizeInGB);

/// <summary>When SageMaker stops a job on its own.</summary>
/// <param name="MaxRuntimeInSeconds">The longest the job may run.</param>
public sealed record StoppingCondition(int MaxRuntimeInSeconds);

/// <summary>Where a job writes its model artifacts.</summary>
/// <param name="S3OutputPath">An S3 URI prefix; SageMaker appends the job's name.</param>
public sealed record OutputDataConfig(string S3OutputPath);
