namespace AsyncPluginGen.Samples.Training;

/// <summary>Identifies a training job: the ResourceMeta the host keeps. SageMaker addresses jobs by name.</summary>
/// <param name="TrainingJobName">The job's name.</param>
public sealed record TrainingJobRef(string TrainingJobName);
