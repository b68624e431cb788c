using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;


// A benchmark baseline, never loaded by a compiler: the extension rules are for shipped analyzers.
#pragma warning disable RS1036, RS1041
namespace AsyncPluginGen.Benchmarks.Generator;

/// <summary>
/// What a textbook attribute-driven generator with our outputs pays per plugin when nothing changed: Roslyn's
/// <c>ForAttributeWithMetadataName</c> on [AsyncPlugin], whose transform only reads the class's name, and two files
/// per plugin as ours emits (the contract and the meta serializer), which the driver adds again from its cache on
/// every run. The reference point for the generator's incremental run.
/// </summary>
[Generator(LanguageNames.CSharp)]
internal sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "AsyncPluginGen.AsyncPluginAttribute",
            static (node, _) => node is TypeDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(names, static (spc, name) =>
        {
            spc.AddSource(name + ".g.cs", "// " + name);
            spc.AddSource(name + ".Serializer.g.cs", "// " + name);
        });
    }
}
