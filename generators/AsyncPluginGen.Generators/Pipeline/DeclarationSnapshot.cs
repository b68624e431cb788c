using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AsyncPluginGen.Generators.Pipeline;

/// <summary>
/// What a compilation declares, compared by <see cref="Comparer"/> so that the plugins are inspected again only when
/// some declaration may have changed. A plugin's model is read from declarations alone (types, members, signatures,
/// attributes, constants; never a method body), so while the files declare the same things, under the same options
/// and references, the models of the last inspection are still the models of this compilation. That is what most
/// edits are: typing inside a method body or a comment. Roslyn would otherwise rerun a semantic transform for every
/// plugin on every compilation. (A referenced project that changes is a new reference object: the gate opens.)
/// </summary>
/// <remarks>
/// The compilation is held weakly: the pipeline keeps the snapshot of the last inspection for comparison, and must not
/// keep that whole compilation alive with it. It is read only by the step right after this one, which runs in the same
/// generator pass as the snapshot was taken, while the driver holds the compilation.
/// </remarks>
internal sealed class DeclarationSnapshot
{
    private readonly WeakReference<Compilation> _compilation;

    private DeclarationSnapshot(Compilation compilation)
    {
        _compilation = new WeakReference<Compilation>(compilation);
        AssemblyName = compilation.AssemblyName;
        Options = compilation.Options;
        References = compilation.ExternalReferences;
        Trees = compilation is CSharpCompilation csharp ? csharp.SyntaxTrees : compilation.SyntaxTrees.ToImmutableArray();
    }

    /// <summary>Compares what two compilations declare (see the type's summary); cheap when little changed.</summary>
    public static IEqualityComparer<DeclarationSnapshot> Comparer { get; } = new SameDeclarationsComparer();

    public string? AssemblyName { get; }

    public CompilationOptions Options { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The compilation the snapshot was taken of.</summary>
    /// <exception cref="InvalidOperationException">The compilation is gone: read outside the pass that took the snapshot.</exception>
    public Compilation Compilation => _compilation.TryGetTarget(out var compilation)
        ? compilation
        : throw new InvalidOperationException("The compilation of this declaration snapshot was collected: only the step that follows the snapshot, in the same generator pass, may read it.");

    public static DeclarationSnapshot Of(Compilation compilation) => new(compilation);

    private sealed class SameDeclarationsComparer : IEqualityComparer<DeclarationSnapshot>
    {
        public bool Equals(DeclarationSnapshot? x, DeclarationSnapshot? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null
                || !string.Equals(x.AssemblyName, y.AssemblyName, StringComparison.Ordinal)
                || !x.Options.Equals(y.Options)
                || x.References.Length != y.References.Length
                || x.Trees.Length != y.Trees.Length)
            {
                return false;
            }

            // References are compared as the compiler reuses them: the same object is the same assembly; a project
            // reference whose project changed is a new object.
            for (var i = 0; i < x.References.Length; i++)
            {
                if (!ReferenceEquals(x.References[i], y.References[i]))
                {
                    return false;
                }
            }

            // An unchanged file is the same tree object in the next compilation, so only edited files are compared.
            for (var i = 0; i < x.Trees.Length; i++)
            {
                if (!DeclarationEquivalence.SameDeclarations(x.Trees[i], y.Trees[i]))
                {
                    return false;
                }
            }

            return true;
        }

        // Snapshots are only compared pairwise by the pipeline, never hashed by content.
        public int GetHashCode(DeclarationSnapshot obj) => obj.Trees.Length;
    }
}
