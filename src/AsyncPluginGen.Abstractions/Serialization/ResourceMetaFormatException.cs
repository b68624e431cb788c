namespace AsyncPluginGen;

/// <summary>
/// Thrown when bytes cannot be read back as a ResourceMeta: not JSON, nested too deep, a member of the wrong type or
/// out of range, or a required member missing. The message names the member and the problem; it quotes at most a
/// short excerpt of the input, since the input may come from an untrusted store.
/// </summary>
public sealed class ResourceMetaFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ResourceMetaFormatException()
        : base("The ResourceMeta could not be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public ResourceMetaFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The exception of the JSON reader, if any.</param>
    public ResourceMetaFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one member.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="member">The member, as <c>Type.jsonName</c>.</param>
    public ResourceMetaFormatException(string message, string? member)
        : base(message)
    {
        Member = member;
    }

    /// <summary>The member that could not be read, as <c>Type.jsonName</c>, when the problem is in one member.</summary>
    public string? Member { get; }
}
