namespace AsyncPluginGen.Generators.Model;

/// <summary>
/// A collection or object type of a ResourceMeta; the serializer gets one <c>Write{Name}</c> and one <c>Read{Name}</c>
/// method per shape, shared by every member of that type.
/// </summary>
/// <param name="Name">The method suffix, unique within the serializer (<c>QueryMeta</c>, <c>ListOfString</c>).</param>
/// <param name="Kind">A collection kind or <see cref="MetaValueKind.Object"/>.</param>
/// <param name="TypeName">The fully qualified type.</param>
/// <param name="DisplayName">The short name used in error messages.</param>
/// <param name="IsValueType">Whether the type is a struct.</param>
/// <param name="IsRecord">Whether the type is a record (init-only members are then set with <c>with</c>).</param>
/// <param name="Element">For collections, the element (dictionary value) type.</param>
/// <param name="Members">For objects, the members in declaration order.</param>
internal sealed record MetaShapeModel(
    string Name,
    MetaValueKind Kind,
    string TypeName,
    string DisplayName,
    bool IsValueType,
    bool IsRecord,
    MetaValueModel? Element,
    EquatableArray<MetaMemberModel> Members);
