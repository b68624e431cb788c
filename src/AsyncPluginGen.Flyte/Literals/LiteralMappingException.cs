namespace AsyncPluginGen.Flyte.Literals;

/// <summary>
/// A Flyte literal that the JSON mapping cannot represent, or a JSON value that cannot become a literal. The message says
/// what the value is and what to do; <see cref="Path"/> says where it is, for example <c>inputs.orders[3].amount</c>.
/// </summary>
public sealed class LiteralMappingException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What cannot be mapped, and what to do.</param>
    /// <param name="path">Where the value is.</param>
    public LiteralMappingException(string message, string path)
        : base(message)
    {
        Path = path;
    }

    /// <summary>Where the value is, for example <c>inputs.orders[3].amount</c>.</summary>
    public string Path { get; }
}
