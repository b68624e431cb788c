namespace AsyncPluginGen.Generators.Model;

/// <summary>What the serializer output of one async plugin needs: where the plugin is, and its meta's codec.</summary>
/// <param name="Namespace">The plugin's namespace, or null.</param>
/// <param name="ClassName">The plugin class, escaped.</param>
/// <param name="TypeKeyword"><c>class</c> or <c>record</c>.</param>
/// <param name="MetadataName">The plugin's metadata name, for the hint name.</param>
/// <param name="MetaType">The meta's fully qualified type.</param>
/// <param name="Codec">The codec.</param>
internal sealed record MetaSerializerModel(
    string? Namespace,
    string ClassName,
    string TypeKeyword,
    string MetadataName,
    string MetaType,
    MetaCodecModel Codec);
