namespace AsyncPluginGen.Generators.Model;

/// <summary>
/// Everything the generator needs to emit one plugin: what every plugin has (where the class is, its descriptor and
/// configuration, how the host creates it) and, in <see cref="Handlers"/>, the handlers of its kind. Only strings,
/// numbers and equatable collections: never a symbol, a syntax node or a compilation, so the incremental pipeline
/// can compare runs.
/// </summary>
internal sealed record PluginModel(
    string? Namespace,
    string ClassName,
    string TypeKeyword,
    string FullyQualifiedName,
    string MetadataName,
    string Id,
    EquatableArray<string> TaskTypes,
    int Version,
    ConfigModel Config,
    EquatableArray<ConstructorParameterModel> ConstructorParameters,
    EquatableArray<ConstructorParameterModel> RequiredMembers,
    EquatableArray<string> ExperimentalDiagnostics,
    HandlersModel Handlers)
{
    /// <summary>Whether this is a [SyncPlugin]: one Do handler instead of Create/Get/Delete/Status.</summary>
    public bool IsSync => Handlers is SyncHandlersModel;
}
