namespace AsyncPluginGen;

/// <summary>
/// A plugin that can serialize its ResourceMeta. Generated plugins implement it when APG0014 finds nothing to
/// report; a handwritten plugin may implement it too.
/// </summary>
/// <typeparam name="TMeta">The ResourceMeta type.</typeparam>
public interface IResourceMetaSerializerProvider<TMeta>
    where TMeta : notnull
{
    /// <summary>The serializer of the plugin's ResourceMeta.</summary>
    IResourceMetaSerializer<TMeta> ResourceMetaSerializer { get; }
}
