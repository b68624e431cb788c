namespace AsyncPluginGen.Generators.Model;

/// <summary>Everything needed to emit a plugin's ResourceMeta serializer.</summary>
/// <param name="Root">The meta itself.</param>
/// <param name="RootMember">How error messages name the meta when it is not an object (<c>long</c>).</param>
/// <param name="IsPublic">Whether the meta type is public, so the serializer class can be too.</param>
/// <param name="Shapes">The collections and objects the meta is made of, in discovery order.</param>
/// <param name="ExperimentalDiagnostics">[Experimental] ids of members the serializer touches; the author chose them.</param>
internal sealed record MetaCodecModel(
    MetaValueModel Root,
    string RootMember,
    bool IsPublic,
    EquatableArray<MetaShapeModel> Shapes,
    EquatableArray<string> ExperimentalDiagnostics);
