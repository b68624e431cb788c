using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// APG0014: the generated ResourceMeta serializer (which the Flyte agent and durable stores use) must be able to write
/// and read back the meta. The inspection is the generator's own <see cref="MetaShapeParser"/>, so this reports
/// exactly when the generator emits no serializer, and says why.
/// </summary>
internal static class ResourceMetaChecks
{
    public static void Check(PluginUnderAnalysis plugin, ITypeSymbol meta)
    {
        var result = MetaShapeParser.Parse(meta);

        // A type that does not compile is the compiler's to report; a guess about its shape would only add noise.
        if (result.Reason is not null && !result.HasErrorTypes)
        {
            var create = HandlerParser.Candidates(plugin.Type, "Create").FirstOrDefault();
            plugin.Report(Descriptors.ResourceMetaNotSerializable, create?.Locations.FirstOrDefault(), meta.ToDisplayString(), plugin.Name, result.Reason);
        }
    }
}
