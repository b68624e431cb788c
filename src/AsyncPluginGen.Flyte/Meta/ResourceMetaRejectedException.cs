namespace AsyncPluginGen.Flyte.Meta;

/// <summary>
/// A <c>resource_meta</c> was refused. The message is safe to send to the client: it never repeats the meta's bytes,
/// never says where a signature differed, and carries no inner exception.
/// </summary>
public sealed class ResourceMetaRejectedException : Exception
{
    /// <summary>Creates the exception with the standard message for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why the meta was refused.</param>
    public ResourceMetaRejectedException(ResourceMetaRejectionReason reason)
        : this(reason, Describe(reason))
    {
    }

    /// <summary>Creates the exception with a message of the caller's; it must be as safe to send as the standard ones.</summary>
    /// <param name="reason">Why the meta was refused.</param>
    /// <param name="message">What the client sees.</param>
    public ResourceMetaRejectedException(ResourceMetaRejectionReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the meta was refused.</summary>
    public ResourceMetaRejectionReason Reason { get; }

    /// <summary>The standard client-safe message for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why the meta was refused.</param>
    public static string Describe(ResourceMetaRejectionReason reason) => reason switch
    {
        ResourceMetaRejectionReason.Empty =>
            "resource_meta is empty; send the bytes CreateTask returned.",
        ResourceMetaRejectionReason.TooLarge =>
            "resource_meta is larger than this agent accepts, so it cannot be one this agent issued.",
        ResourceMetaRejectionReason.UnknownFormat =>
            "resource_meta was not issued by an AsyncPluginGen agent (it lacks the envelope's marker); a meta from another agent, such as flytekit's JSON, cannot be used here.",
        ResourceMetaRejectionReason.UnsupportedVersion =>
            "resource_meta uses an envelope format version this agent does not read; it may have been issued by a newer agent.",
        ResourceMetaRejectionReason.Truncated =>
            "resource_meta is truncated.",
        ResourceMetaRejectionReason.Malformed =>
            "resource_meta is malformed.",
        ResourceMetaRejectionReason.UnknownKey =>
            "resource_meta was signed with a key this agent does not have; if the keys were rotated, the old key was removed before every task signed with it had finished.",
        ResourceMetaRejectionReason.BadSignature =>
            "resource_meta failed signature verification: it was altered, or signed by a different key under the same key id.",
        ResourceMetaRejectionReason.WrongTaskCategory =>
            "resource_meta was issued for a different task category than the request names.",
        _ => "resource_meta was refused.",
    };
}
