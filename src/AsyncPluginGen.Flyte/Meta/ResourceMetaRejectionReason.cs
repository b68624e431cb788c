namespace AsyncPluginGen.Flyte.Meta;

/// <summary>Why a <c>resource_meta</c> envelope was refused.</summary>
public enum ResourceMetaRejectionReason
{
    /// <summary>Not refused (what <see cref="ResourceMetaEnvelope.TryOpen"/> reports on success).</summary>
    None = 0,

    /// <summary>The meta has no bytes.</summary>
    Empty,

    /// <summary>The meta is larger than <see cref="ResourceMetaEnvelopeOptions.MaxBytes"/>; refused before any parsing.</summary>
    TooLarge,

    /// <summary>The meta does not start with the envelope's magic bytes: another agent's meta (such as flytekit's JSON), or noise.</summary>
    UnknownFormat,

    /// <summary>The meta is an envelope of a format version this build does not read.</summary>
    UnsupportedVersion,

    /// <summary>The meta ends before its fields do.</summary>
    Truncated,

    /// <summary>A field of the meta is invalid, or bytes follow the signature.</summary>
    Malformed,

    /// <summary>The meta names a signing key this agent does not have (a key removed too early, or another deployment's).</summary>
    UnknownKey,

    /// <summary>The signature does not match: the meta was altered, or signed with a different key of the same id.</summary>
    BadSignature,

    /// <summary>The meta is genuine but was issued for another task category than the request names.</summary>
    WrongTaskCategory,
}
