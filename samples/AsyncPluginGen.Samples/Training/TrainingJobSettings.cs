namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// How the deployment runs training jobs: settings of the account, not of a task, so they come from the service
/// provider rather than from the inputs. Register one to override <see cref="Default"/>.
/// </summary>
/// <param name="RoleArn">The IAM role SageMaker assumes to run jobs (it reads the data and writes the models).</param>
/// <param name="S3OutputPath">Where models go; SageMaker appends each job's name.</param>
/// <param name="VolumeSizeInGB">The storage volume of each instance.</param>
public sealed record TrainingJobSettings(string RoleArn, string S3OutputPath, int VolumeSizeInGB = 30)
{
    /// <summary>The settings used when none are registered: a sandbox account's role and bucket.</summary>
    public static TrainingJobSettings Default { get; } = new(
        "arn:aws:iam::123456789012:role/FlyteSageMakerExecution",
        "s3://flyte-training-artifacts/models");
}
