using System.Globalization;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Bounds and redacts text that came from a plugin or a remote service before the host keeps or shows it (phase
/// messages, span status, logs): each secret of the task (<see cref="TaskContext.SecretValues"/>) becomes <c>***</c>,
/// then the text is cut to <see cref="PluginHostOptions.MaxRemoteTextLength"/> characters with a note of how much was
/// cut. Short text of a task without secrets is returned as it is, with no allocation: this runs on every published phase.
/// </summary>
internal static class RemoteText
{
    public const string Redacted = "***";

    public static string? Clean(string? text, TaskContext task, int max)
    {
        if (text is null)
        {
            return null;
        }

        if (task.HasSecretValues)
        {
            foreach (var secret in task.SecretValues)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    text = text.Replace(secret, Redacted, StringComparison.Ordinal);
                }
            }
        }

        return Bound(text, max);
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters (never inside a surrogate pair), noting the rest.</summary>
    public static string Bound(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, keep), string.Create(CultureInfo.InvariantCulture, $"… ({text.Length - keep:N0} more characters)"));
    }

    /// <summary>The phase with its reason and error message cleaned; the same value when nothing changed.</summary>
    public static PhaseInfo Clean(PhaseInfo phase, TaskContext task, int max)
    {
        var reason = Clean(phase.Reason, task, max);
        var error = phase.Error;
        var message = error is { } e ? Clean(e.Message, task, max) : null;
        var reasonChanged = !ReferenceEquals(reason, phase.Reason);
        var messageChanged = error is { } original && !ReferenceEquals(message, original.Message);
        if (!reasonChanged && !messageChanged)
        {
            return phase;
        }

        if (error is { } failed)
        {
            var cleaned = PhaseInfo.Failed(phase.Phase, failed with { Message = message! }, phase.Info, phase.CleanupOnFailure);
            return cleaned.WithReason(reason).WithVersion(phase.Version);
        }

        return phase.WithReason(reason);
    }

    /// <summary>
    /// What a remote call threw, fit to be kept and logged: the same exception when its message is short and holds no
    /// secret; else one of the same kind the host tells apart (a permanent failure with its code, an argument error, an
    /// HTTP error with its status) with the cleaned message, or a <see cref="RemoteCallException"/> naming the original
    /// type with its cleaned message and stack.
    /// </summary>
    public static Exception Clean(Exception exception, TaskContext task, int max)
    {
        var message = Clean(exception.Message, task, max)!;
        if (ReferenceEquals(message, exception.Message))
        {
            return exception;
        }

        // The kinds the host tells apart (see RefusedRequests and TransientErrors) keep their kind.
        return exception switch
        {
            PermanentTaskFailureException permanent => new PermanentTaskFailureException(permanent.Code, message),
            ArgumentException => new ArgumentException(message),
            System.Net.Http.HttpRequestException http => new System.Net.Http.HttpRequestException(message, null, http.StatusCode),
            _ => new RemoteCallException(exception.GetType().FullName ?? exception.GetType().Name, message, Clean(exception.StackTrace, task, max)),
        };
    }
}
