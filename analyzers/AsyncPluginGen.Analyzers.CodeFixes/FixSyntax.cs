using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace AsyncPluginGen.Analyzers.CodeFixes;

/// <summary>Syntax helpers shared by the code fixes: generated members, attributes and the usings they need.</summary>
internal static class FixSyntax
{
    /// <summary>
    /// Parses a member written with <c>global::</c>-qualified names and marks it so that the code action adds the
    /// usings it needs (<see cref="AddImportsAsync"/>), simplifies the names and formats it.
    /// </summary>
    public static MemberDeclarationSyntax ParseMember(string text) =>
        SyntaxFactory.ParseMemberDeclaration(text)!
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>Parses an attribute list written with <c>global::</c>-qualified names, marked like <see cref="ParseMember"/>.</summary>
    public static AttributeListSyntax ParseAttributeList(string attribute)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.ParseCompilationUnit("[" + attribute + "] class C { }").Members[0].AttributeLists[0].Attributes[0]));
        return list.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    /// <summary>
    /// Adds the usings that the names marked with <see cref="Simplifier.AddImportsAnnotation"/> in
    /// <paramref name="changed"/> need, unless every type in <paramref name="typesUsed"/> (metadata names) already
    /// binds by its simple name at <paramref name="position"/> of <paramref name="original"/>. The check sees global
    /// usings of other files, which <see cref="ImportAdder"/> does not: it would add a using and the simplifier would
    /// remove it again, leaving a blank line behind. The code action then simplifies and formats the marked nodes.
    /// </summary>
    public static async Task<Document> AddImportsAsync(Document original, int position, Document changed, CancellationToken cancellationToken, params string[] typesUsed)
    {
        var model = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || typesUsed.All(type => IsInScope(model, position, type)))
        {
            return changed;
        }

        return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The line break the document already uses, "\n" when it has none.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        var existing = root.DescendantTrivia(descendIntoTrivia: false).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : SyntaxFactory.EndOfLine("\n");
    }

    /// <summary>
    /// Inserts <paramref name="member"/> into <paramref name="type"/> after <paramref name="after"/> (or before
    /// <paramref name="before"/>, or last), separated from its neighbours by a blank line and indented like them.
    /// </summary>
    public static TypeDeclarationSyntax InsertMember(
        TypeDeclarationSyntax type,
        MemberDeclarationSyntax member,
        SyntaxTrivia endOfLine,
        MemberDeclarationSyntax? after = null,
        MemberDeclarationSyntax? before = null)
    {
        var members = type.Members;
        var indentation = MemberIndentation(type);
        int index;
        if (after is not null && members.IndexOf(after) is var afterIndex and >= 0)
        {
            index = afterIndex + 1;
        }
        else if (before is not null && members.IndexOf(before) is var beforeIndex and >= 0)
        {
            index = beforeIndex;
        }
        else
        {
            index = members.Count;
        }

        var leading = index > 0
            ? SyntaxFactory.TriviaList(endOfLine, SyntaxFactory.Whitespace(indentation))
            : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indentation));
        member = member.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine);
        if (index < members.Count && index == 0)
        {
            // Inserted first: keep a blank line between it and the member that used to be first.
            member = member.WithTrailingTrivia(endOfLine, endOfLine);
        }

        return type.WithMembers(members.Insert(index, member));
    }

    /// <summary>
    /// Adds an attribute list as the last one before the declaration's modifiers or name, on its own line when the
    /// existing attributes are on their own lines (always, when there are none).
    /// </summary>
    public static TSyntax AddAttributeList<TSyntax>(TSyntax declaration, AttributeListSyntax list, SyntaxTrivia endOfLine)
        where TSyntax : MemberDeclarationSyntax
    {
        var lists = declaration.AttributeLists;
        if (lists.Count > 0)
        {
            // Between the last list and the token after it: copy how the existing lists are laid out.
            var last = lists[lists.Count - 1];
            var next = last.GetLastToken().GetNextToken();
            var indentation = next.LeadingTrivia.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            list = list.WithLeadingTrivia(indentation).WithTrailingTrivia(last.GetTrailingTrivia());
            return (TSyntax)declaration.WithAttributeLists(lists.Add(list));
        }

        // No attributes yet: the declaration's leading trivia (comments, indentation) moves before the new list,
        // and the declaration itself starts on the next line, indented the same.
        var first = declaration.GetFirstToken();
        var leading = first.LeadingTrivia;
        var lastLineIndentation = leading.Reverse().TakeWhile(t => !t.IsKind(SyntaxKind.EndOfLineTrivia) && t.IsKind(SyntaxKind.WhitespaceTrivia));
        list = list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine);
        var stripped = declaration.ReplaceToken(first, first.WithLeadingTrivia(lastLineIndentation.Reverse()));
        return (TSyntax)stripped.WithAttributeLists(SyntaxFactory.SingletonList(list));
    }

    private static bool IsInScope(SemanticModel model, int position, string metadataName)
    {
        var expected = model.Compilation.GetTypeByMetadataName(metadataName);
        if (expected is null)
        {
            return true; // Nothing a using could fix.
        }

        var simpleName = SyntaxFactory.ParseTypeName(expected.Name);
        var bound = model.GetSpeculativeTypeInfo(position, simpleName, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        return SymbolEqualityComparer.Default.Equals(bound?.OriginalDefinition, expected);
    }

    private static string MemberIndentation(TypeDeclarationSyntax type)
    {
        foreach (var existing in type.Members)
        {
            var whitespace = existing.GetLeadingTrivia().LastOrDefault();
            if (whitespace.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return whitespace.ToString();
            }
        }

        var typeIndentation = type.GetLeadingTrivia().LastOrDefault();
        return (typeIndentation.IsKind(SyntaxKind.WhitespaceTrivia) ? typeIndentation.ToString() : string.Empty) + "    ";
    }
}
