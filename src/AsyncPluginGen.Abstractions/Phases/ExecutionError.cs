namespace AsyncPluginGen;

/// <summary>
/// A failure reported with a failed <see cref="PhaseInfo"/>. A struct, so that a Status that fails a task
/// allocates nothing when its code and message are constants or strings the resource already holds.
/// </summary>
public readonly record struct ExecutionError
{
    /// <summary>The code Flyte uses when a failure carries no error.</summary>
    public const string UnknownCode = "Unknown";

    /// <summary>The message Flyte uses when a failure carries no error.</summary>
    public const string UnknownMessage = "Unknown error message";

    /// <summary>The error code Flyte uses for system errors raised by the plugin machinery.</summary>
    public const string SystemErrorCode = "SystemError";

    /// <summary>Creates an error. A null or empty code or message falls back to Flyte's "Unknown" values.</summary>
    /// <param name="code">A short, stable, machine-readable code, for example <c>QueryFailed</c>.</param>
    /// <param name="message">A human-readable explanation.</param>
    /// <param name="kind">Whether the user or the system is at fault.</param>
    public ExecutionError(string? code, string? message, ExecutionErrorKind kind = ExecutionErrorKind.User)
    {
        Code = code!;
        Message = message!;
        Kind = kind;
    }

    /// <summary>The error code; never null or empty (Flyte's <c>Unknown</c> when none was given).</summary>
    public string Code { get => field ?? UnknownCode; init => field = string.IsNullOrEmpty(value) ? UnknownCode : value; }

    /// <summary>The error message; never null or empty (Flyte's <c>Unknown error message</c> when none was given).</summary>
    public string Message { get => field ?? UnknownMessage; init => field = string.IsNullOrEmpty(value) ? UnknownMessage : value; }

    /// <summary>Whether the user or the system is at fault (<see cref="ExecutionErrorKind.User"/> when unset).</summary>
    public ExecutionErrorKind Kind { get => field == 0 ? ExecutionErrorKind.User : field; init; }

    /// <summary>Flyte's fallback for a failure that carries no error.</summary>
    public static ExecutionError Unknown => new(UnknownCode, UnknownMessage, ExecutionErrorKind.User);

    /// <summary>Compares the visible values, so <c>default(ExecutionError)</c> equals <see cref="Unknown"/>.</summary>
    /// <param name="other">The error to compare with.</param>
    /// <returns>Whether code, message and kind are equal (ordinal).</returns>
    public bool Equals(ExecutionError other) =>
        string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && Kind == other.Kind;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Message, Kind);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} error {Code}: {Message}";
}
