using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Everything the hot-path rules know about one compilation: the runtime's symbols, the catalogues (resolved once,
/// on the first Status found, so compilations without plugins pay nothing) and the summary caches. Lives exactly as
/// long as the compilation's analysis; nothing is kept on the analyzer itself.
/// </summary>
internal sealed class HotPathCompilation
{
    private readonly Lazy<Catalogues> _catalogues;
    private readonly Lazy<SourceImplementations> _implementations;
    private readonly ConcurrentDictionary<string, SummaryCache> _caches = new(StringComparer.Ordinal);
    private SummaryCache? _defaultCache;

    private HotPathCompilation(Compilation compilation, INamedTypeSymbol? pluginAttribute, INamedTypeSymbol? typedPlugin, INamedTypeSymbol? untypedPlugin)
    {
        Compilation = compilation;
        PluginAttribute = pluginAttribute;
        TypedPlugin = typedPlugin;
        UntypedPlugin = untypedPlugin;
        AllowAttribute = compilation.GetTypeByMetadataName("AsyncPluginGen.AllowInStatusAttribute");
        _catalogues = new Lazy<Catalogues>(() => new Catalogues(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        // Not cancellable: one pass over the source types, shared by every Status; a cancelled first caller must not
        // leave the others a failed Lazy.
        _implementations = new Lazy<SourceImplementations>(() => SourceImplementations.Build(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        Delegates = new DelegateTargets(compilation);
    }

    public Compilation Compilation { get; }

    /// <summary>[AsyncPlugin].</summary>
    public INamedTypeSymbol? PluginAttribute { get; }

    /// <summary>IAsyncPlugin&lt;TMeta, TResource&gt;.</summary>
    public INamedTypeSymbol? TypedPlugin { get; }

    /// <summary>The object-typed IAsyncPlugin, whose Status a hand-written plugin may also implement.</summary>
    public INamedTypeSymbol? UntypedPlugin { get; }

    public INamedTypeSymbol? AllowAttribute { get; }

    public NetworkCatalogue Network => _catalogues.Value.Network;

    public BlockingCatalogue Blocking => _catalogues.Value.Blocking;

    public AllocationClassifier Allocation => _catalogues.Value.Allocation;

    /// <summary>Interface, abstract and virtual members the strict mode does not report.</summary>
    public BenignMembers Benign => _catalogues.Value.Benign;

    /// <summary>The overrides and interface implementations declared in this compilation, built on first use.</summary>
    public SourceImplementations Implementations => _implementations.Value;

    /// <summary>What the delegates Status invokes run, when the source says so.</summary>
    public DelegateTargets Delegates { get; }

    /// <summary>The state for <paramref name="compilation"/>, or null when it does not reference the AsyncPluginGen runtime.</summary>
    public static HotPathCompilation? TryCreate(Compilation compilation)
    {
        var attribute = compilation.GetTypeByMetadataName("AsyncPluginGen.AsyncPluginAttribute");
        var typed = compilation.GetTypeByMetadataName("AsyncPluginGen.IAsyncPlugin`2");
        var untyped = compilation.GetTypeByMetadataName("AsyncPluginGen.IAsyncPlugin");
        return attribute is null && typed is null ? null : new HotPathCompilation(compilation, attribute, typed, untyped);
    }

    /// <summary>
    /// The summary cache for a set of options. Options are per syntax tree, but almost every project has one set, so
    /// the default set has its own slot and the rest are keyed by what changes a summary.
    /// </summary>
    public SummaryCache CacheFor(StatusAnalysisOptions options)
    {
        if (ReferenceEquals(options, StatusAnalysisOptions.Default))
        {
            return _defaultCache ?? Interlocked.CompareExchange(ref _defaultCache, NewCache(options), null) ?? _defaultCache!;
        }

        var key = options.UnknownCalls + "|" + options.SqliteIsInProcess + "|" + string.Join(",", options.AllowedMembers.OrderBy(n => n, StringComparer.Ordinal));
        return _caches.GetOrAdd(key, _ => NewCache(options));
    }

    private SummaryCache NewCache(StatusAnalysisOptions options) => new(options, new AllowList(AllowAttribute, options.AllowedMembers));

    private sealed class Catalogues
    {
        public Catalogues(Compilation compilation)
        {
            Network = NetworkCatalogue.Create(compilation);
            Blocking = BlockingCatalogue.Create(compilation);
            Allocation = AllocationClassifier.Create(compilation);
            Benign = new BenignMembers();
        }

        public NetworkCatalogue Network { get; }

        public BlockingCatalogue Blocking { get; }

        public AllocationClassifier Allocation { get; }

        public BenignMembers Benign { get; }
    }
}
