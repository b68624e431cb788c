using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// What the author sees on a plugin class: the generated contract is all explicit implementations, so the class
/// gains no member an author could call or that IntelliSense would list, and a sync plugin declares no read limit.
/// </summary>
public sealed class PluginSurfaceTests
{
    /// <summary>The nested serializer is public on purpose: it is how a host or a test reads one plugin's metas.</summary>
    private const string DocumentedSerializer = "AsyncPluginMetaSerializer";

    public static TheoryData<string> Cases => new(PluginSources.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generator_adds_no_member_to_the_plugin_class_beyond_explicit_implementations(string name)
    {
        var outcome = GeneratorHarness.RunClean(PluginSources.All[name]);
        var generated = outcome.Output.SyntaxTrees.Except(outcome.Input.SyntaxTrees).ToHashSet();

        var plugins = Types(outcome.Output.Assembly.GlobalNamespace).Where(IsPlugin).ToList();
        Assert.NotEmpty(plugins);
        foreach (var plugin in plugins)
        {
            var added = plugin.GetMembers()
                .Where(m => !m.IsImplicitlyDeclared && m.DeclaringSyntaxReferences.Length > 0
                    && m.DeclaringSyntaxReferences.All(r => generated.Contains(r.SyntaxTree)))
                .Where(m => !IsExplicitImplementation(m) && m.Name != DocumentedSerializer)
                .Select(m => m.ToDisplayString())
                .ToList();
            Assert.True(added.Count == 0, $"{plugin.Name} gained: {string.Join(", ", added)}");
            Assert.Contains(plugin.Interfaces, i => i.ToDisplayString() == "AsyncPluginGen.IDescribedPlugin");
        }
    }

    [Fact]
    public void The_descriptor_is_read_through_PluginDescriptor_Of_and_is_the_instance_s_descriptor()
    {
        var loaded = LoadedPlugins.Load(PluginSources.EnumStates);
        var plugin = loaded.Plugin<IPlugin>("warehouse_query");
        var of = typeof(PluginDescriptor).GetMethod(nameof(PluginDescriptor.Of))!.MakeGenericMethod(plugin.GetType());

        var descriptor = Assert.IsType<PluginDescriptor>(of.Invoke(null, null));

        Assert.Same(descriptor, plugin.Descriptor);
        Assert.Same(descriptor.Config, plugin.GetConfig());
        Assert.Equal(["warehouse_query"], descriptor.TaskTypes);
    }

    [Fact]
    public void A_sync_plugin_declares_only_its_write_limit()
    {
        var loaded = LoadedPlugins.Load(PluginSources.SyncPlugin);
        var config = loaded.Plugin<ISyncPlugin>("echo").GetConfig();

        Assert.Equal(new RateLimiterConfig { Qps = 5, Burst = 10 }, config.WriteRateLimiter);
        Assert.Equal(PluginConfig.Default with { WriteRateLimiter = config.WriteRateLimiter }, config);
    }

    private static bool IsPlugin(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is "AsyncPluginGen.AsyncPluginAttribute" or "AsyncPluginGen.SyncPluginAttribute");

    private static bool IsExplicitImplementation(ISymbol member) => member switch
    {
        IMethodSymbol method => method.ExplicitInterfaceImplementations.Length > 0,
        IPropertySymbol property => property.ExplicitInterfaceImplementations.Length > 0,
        _ => false,
    };

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns) =>
        ns.GetTypeMembers().Concat(ns.GetNamespaceMembers().SelectMany(Types));
}
