namespace AsyncPluginGen;

/// <summary>
/// Thrown by a plugin to say "this task cannot succeed, do not retry it": bad input, a job the service refuses for
/// good, a resource that no longer exists. The host ends the task at once as a
/// <see cref="TaskPhase.PermanentFailure"/> whose error carries <see cref="Code"/> and the exception's message:
/// <list type="bullet">
/// <item>from Create: no retry, and no job exists, so nothing is deleted;</item>
/// <item>from Get: the job exists, so it is deleted (reason CleanupOnFailure) before the task ends, as for any
/// terminal failure;</item>
/// <item>from a sync plugin's Do: no retry.</item>
/// </list>
/// Every other exception keeps its usual meaning: transient ones (network, time-outs, 429, 5xx) are retried, and a
/// Create that fails otherwise ends the task as a retryable failure.
/// </summary>
/// <example>
/// <code>
/// public async ValueTask&lt;JobMeta&gt; CreateAsync(TaskContext task, CancellationToken cancellationToken)
/// {
///     if (!task.Inputs.TryGetProperty("query", out var input) || input.GetString() is not { Length: &gt; 0 } query)
///     {
///         throw new PermanentTaskFailureException("EmptyQuery", "The task's 'query' input is empty; nothing to run.");
///     }
///
///     return new JobMeta(await _warehouse.SubmitAsync(query, cancellationToken));
/// }
/// </code>
/// </example>
public sealed class PermanentTaskFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The error code the task fails with (for example <c>"InvalidInput"</c>); not empty.</param>
    /// <param name="message">What is wrong, for the user: it becomes the task's error message.</param>
    /// <param name="inner">The exception that revealed the problem, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is null, empty or white space.</exception>
    public PermanentTaskFailureException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException(
                "A permanent task failure needs an error code (for example \"InvalidInput\"): it is what the task's error reports and what callers match on.",
                nameof(code));
        }

        Code = code;
    }

    /// <summary>The error code the task fails with.</summary>
    public string Code { get; }
}
