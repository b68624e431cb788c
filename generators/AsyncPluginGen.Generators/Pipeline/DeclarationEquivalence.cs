using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AsyncPluginGen.Generators.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncPluginGen.Generators.Pipeline;

/// <summary>
/// Whether two versions of a file declare the same things, so that no symbol's declaration can have changed between
/// them: what the plugin models are built from. The declaration tokens must match one for one (every token outside a
/// method, accessor, local function or lambda body, an expression body, and a non-constant field's initializer), and so
/// must what the inspection reads from a file besides its tokens: its path and parse options, whether it counts as
/// generated (a header comment), and where its <c>#nullable</c> directives stand among the declaration tokens.
/// </summary>
/// <remarks>
/// Not Roslyn's <c>SyntaxFactory.AreEquivalent(topLevel: true)</c>, because the generator runs in whichever compiler
/// the build uses: 4.14's implementation, once past a non-constant field, skips every later initializer in the file
/// (constants, enum member values and parameter defaults included, which the models depend on); 4.8's does not.
/// </remarks>
internal static class DeclarationEquivalence
{
    public static bool SameDeclarations(SyntaxTree before, SyntaxTree after)
    {
        if (ReferenceEquals(before, after))
        {
            return true;
        }

        if (!string.Equals(before.FilePath, after.FilePath, System.StringComparison.Ordinal) || !before.Options.Equals(after.Options))
        {
            return false;
        }

        var beforeRoot = before.GetRoot();
        var afterRoot = after.GetRoot();
        return SameTokens(beforeRoot, afterRoot)
            && GeneratedTrees.IsGenerated(before, CancellationToken.None) == GeneratedTrees.IsGenerated(after, CancellationToken.None)
            && (!beforeRoot.ContainsDirectives && !afterRoot.ContainsDirectives
                || NullableDirectives(beforeRoot).SequenceEqual(NullableDirectives(afterRoot)));
    }

    private static bool SameTokens(SyntaxNode before, SyntaxNode after)
    {
        using var left = DeclarationTokens(before).GetEnumerator();
        using var right = DeclarationTokens(after).GetEnumerator();
        while (true)
        {
            var hasLeft = left.MoveNext();
            if (hasLeft != right.MoveNext())
            {
                return false;
            }

            if (!hasLeft)
            {
                return true;
            }

            var x = left.Current;
            var y = right.Current;
            if (x.RawKind != y.RawKind || x.IsMissing != y.IsMissing || !string.Equals(x.Text, y.Text, System.StringComparison.Ordinal))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Each <c>#nullable</c> directive with its place among the declaration tokens. A directive's effect on declarations
    /// depends only on that place: one moved within a body, or from the end of a body to just after it, stays put.
    /// </summary>
    private static List<(SyntaxKind Setting, SyntaxKind Target, int Place)> NullableDirectives(SyntaxNode root)
    {
        var directives = new List<(SyntaxKind, SyntaxKind, int)>();
        var directive = root.GetFirstDirective(static d => d.IsKind(SyntaxKind.NullableDirectiveTrivia));
        if (directive is null)
        {
            return directives;
        }

        var place = 0;
        using var tokens = DeclarationTokens(root).GetEnumerator();
        var hasToken = tokens.MoveNext();
        while (directive is NullableDirectiveTriviaSyntax nullable)
        {
            while (hasToken && tokens.Current.SpanStart < nullable.SpanStart)
            {
                place++;
                hasToken = tokens.MoveNext();
            }

            directives.Add((nullable.SettingToken.Kind(), nullable.TargetToken.Kind(), place));
            directive = directive.GetNextDirective(static d => d.IsKind(SyntaxKind.NullableDirectiveTrivia));
        }

        return directives;
    }

    /// <summary>The declaration tokens: none inside a body, an expression body or a non-constant field's initializer.</summary>
    private static IEnumerable<SyntaxToken> DeclarationTokens(SyntaxNode root) =>
        root.DescendantTokens(static node => node is not (BlockSyntax or ArrowExpressionClauseSyntax) && !IsNonConstantFieldInitializer(node));

    private static bool IsNonConstantFieldInitializer(SyntaxNode node) =>
        node is EqualsValueClauseSyntax { Parent.Parent.Parent: FieldDeclarationSyntax field }
        && !field.Modifiers.Any(SyntaxKind.ConstKeyword);
}
