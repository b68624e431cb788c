using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>Recovers an async plugin's type arguments once, through the visitor, and wraps it for the agent.</summary>
internal sealed class AgentPluginFactory(PluginConfig config, int maxOutputBytes, ILogger logger) : IAsyncPluginVisitor<AsyncAgentPlugin>
{
    public AsyncAgentPlugin Visit<TMeta, TResource>(IAsyncPlugin<TMeta, TResource> plugin)
        where TMeta : notnull
        where TResource : notnull
    {
        if (plugin is not IResourceMetaSerializerProvider<TMeta> provider)
        {
            throw new InvalidOperationException(
                $"Plugin '{plugin.Descriptor.Id}' cannot be served by the Flyte agent: its ResourceMeta type {typeof(TMeta).FullName} has no serializer. "
                + "The generator emits one for ResourceMeta types of plain data (fix warning APG0014); a handwritten plugin implements IResourceMetaSerializerProvider<TMeta>.");
        }

        return new TypedAsyncAgentPlugin<TMeta, TResource>(plugin, provider.ResourceMetaSerializer, config, maxOutputBytes, logger);
    }
}
