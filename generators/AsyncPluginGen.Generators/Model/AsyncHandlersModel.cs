namespace AsyncPluginGen.Generators.Model;

/// <summary>An [AsyncPlugin]'s handlers: Create starts a remote job, Get polls it, Status maps its state, Delete cancels it.</summary>
/// <param name="MetaType">The ResourceMeta's fully qualified type.</param>
/// <param name="ResourceType">The resource's fully qualified type.</param>
/// <param name="Create">The Create handler.</param>
/// <param name="Get">The Get handler.</param>
/// <param name="Delete">The Delete handler; null when the author wrote none (the analyzers warn: aborted jobs leak).</param>
/// <param name="ResourceRequirementsMethod">The author's GetResourceRequirements; null to use the declared quota.</param>
/// <param name="Status">How Status is computed.</param>
/// <param name="MetaCodec">The generated ResourceMeta serializer's codec; null when the plugin serializes its meta itself or the meta cannot be serialized.</param>
internal sealed record AsyncHandlersModel(
    string MetaType,
    string ResourceType,
    HandlerModel Create,
    HandlerModel Get,
    HandlerModel? Delete,
    string? ResourceRequirementsMethod,
    StatusModel Status,
    MetaCodecModel? MetaCodec) : HandlersModel;
