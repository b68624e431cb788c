namespace AsyncPluginGen;

/// <summary>
/// Marks the Resource's <see cref="TaskInfo"/> property (or field): log links, custom information and external
/// resources that every phase of the generated Status carries. The generated Status passes its value, as it is, as
/// the <c>info</c> of every <see cref="PhaseInfo"/> it returns: mapped states, the <see cref="DefaultPhaseAttribute"/>
/// phase and failures alike. A <see langword="null"/> value means no details.
/// </summary>
/// <remarks>
/// <para>
/// Build the <see cref="TaskInfo"/> in Get (or Create) and keep it on the resource: the generated Status only passes
/// on the reference, so it stays allocation-free. One member per resource; the member must be readable by the
/// plugin's assembly. A plugin that writes Status by hand returns its details itself, and the attribute is ignored
/// (the analyzers say so, as they do for a member that is not a <see cref="TaskInfo"/>).
/// </para>
/// <para>
/// The generated phases keep version 0. When details appear or change within a phase and watchers must see them as a
/// new event, write Status by hand and bump <see cref="PhaseInfo.Version"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// public sealed record TrainingJob(
///     [property: PhaseSource] TrainingState State,
///     [property: PhaseMessage] string? Error,
///     [property: TaskInfoSource] TaskInfo? Info);
///
/// // In the plugin's Get:
/// public async ValueTask&lt;TrainingJob&gt; GetAsync(TrainingMeta meta, CancellationToken ct)
/// {
///     var job = await client.DescribeAsync(meta.JobId, ct);
///     return new TrainingJob(job.State, job.Error, new TaskInfo { Logs = [new TaskLog("Console", job.ConsoleUrl)] });
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class TaskInfoSourceAttribute : Attribute;
