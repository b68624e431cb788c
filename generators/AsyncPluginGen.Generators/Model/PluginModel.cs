namespace AsyncPluginGen.Generators.Model;

/// <summary>
/// Everything the generator needs to emit one plugin. Only strings, numbers and equatable collections:
/// never a symbol, a syntax node or a compilation, so the incremental pipeline can compare runs.
/// </summary>
internal sealed record PluginModel(
    string? Namespace,
    string ClassName,
    string TypeKeyword,
    string FullyQualifiedName,
    string MetadataName,
    bool IsSync,
    string Id,
    EquatableArray<string> TaskTypes,
    int Version,
    ConfigModel Config,
    EquatableArray<ConstructorParameterModel> ConstructorParameters,
    EquatableArray<ConstructorParameterModel> RequiredMembers,
    EquatableArray<string> ExperimentalDiagnostics,
    string? MetaType,
    string? ResourceType,
    HandlerModel? Create,
    HandlerModel? Get,
    HandlerModel? Delete,
    string? ResourceRequirementsMethod,
    StatusModel? Status,
    HandlerModel? Do,
    MetaCodecModel? MetaCodec = null);
