namespace AsyncPluginGen.Hosting;

/// <summary>
/// Stands in for an exception of a remote call whose message was too long or held a secret of the task: it carries the
/// original type's name and the cleaned message and stack trace, so logs and spans never hold the original text.
/// </summary>
public sealed class RemoteCallException : Exception
{
    private readonly string? _stackTrace;

    /// <summary>Creates the stand-in.</summary>
    /// <param name="originalType">The full name of the exception it stands for.</param>
    /// <param name="message">The cleaned message.</param>
    /// <param name="stackTrace">The cleaned stack trace of the original, if any.</param>
    public RemoteCallException(string originalType, string message, string? stackTrace)
        : base(message)
    {
        OriginalType = originalType;
        _stackTrace = stackTrace;
    }

    /// <summary>The full name of the exception's type this stands for.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace;

    /// <inheritdoc />
    public override string ToString() => $"{OriginalType}: {Message}{Environment.NewLine}{_stackTrace}";
}
