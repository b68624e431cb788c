using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// What <see cref="MetaShapeParser"/> found: a codec the generator emits, or the reason APG0014 reports. Exactly one
/// of the two is set.
/// </summary>
/// <param name="Codec">The codec, when the meta can be serialized.</param>
/// <param name="Reason">Why not, in words for the diagnostic message.</param>
/// <param name="HasErrorTypes">The meta names a type that does not compile; the compiler reports that, so APG0014 stays quiet.</param>
internal sealed record MetaShapeResult(MetaCodecModel? Codec, string? Reason, bool HasErrorTypes);
