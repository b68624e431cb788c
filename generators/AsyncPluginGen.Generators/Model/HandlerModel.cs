namespace AsyncPluginGen.Generators.Model;

/// <summary>One author-written handler and the shape the generated adapter must bridge.</summary>
/// <param name="Name">The method's name.</param>
/// <param name="Return">Direct, Task or ValueTask.</param>
/// <param name="HasCancellationToken">Whether the last parameter is a CancellationToken.</param>
/// <param name="HasReason">For Delete: whether it takes a DeleteReason.</param>
/// <param name="ReturnsMetaOnly">For Create: whether it returns the meta instead of Created&lt;TMeta, TResource&gt;.</param>
/// <param name="ReturnsNullable">Whether the result's type arguments carry nullable annotations the interface lacks, so the call needs <c>!</c>.</param>
internal sealed record HandlerModel(
    string Name,
    ReturnKind Return,
    bool HasCancellationToken,
    bool HasReason = false,
    bool ReturnsMetaOnly = false,
    bool ReturnsNullable = false);
