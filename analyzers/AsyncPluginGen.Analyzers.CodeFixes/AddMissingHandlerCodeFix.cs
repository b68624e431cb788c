using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncPluginGen.Analyzers.CodeFixes;

/// <summary>
/// APG0003: adds a stub for the missing Create, Get or Do handler, with a signature the generator accepts. The
/// stub throws <see cref="System.NotImplementedException"/> until the author writes the remote call. Types are
/// taken from the handlers the class already has: Create returns the ResourceMeta that Get takes (string when
/// there is no Get), and Get returns the resource of Create's <c>Created&lt;TMeta, TResource&gt;</c> or of a
/// handwritten Status (object when neither names one).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingHandlerCodeFix))]
[Shared]
public sealed class AddMissingHandlerCodeFix : CodeFixProvider
{
    /// <summary>Equivalence key of the fix that adds CreateAsync.</summary>
    public const string CreateEquivalenceKey = DiagnosticIds.MissingHandler + ".AddCreateHandler";

    /// <summary>Equivalence key of the fix that adds GetAsync.</summary>
    public const string GetEquivalenceKey = DiagnosticIds.MissingHandler + ".AddGetHandler";

    /// <summary>Equivalence key of the fix that adds DoAsync.</summary>
    public const string DoEquivalenceKey = DiagnosticIds.MissingHandler + ".AddDoHandler";

    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string TaskContext = "global::AsyncPluginGen.TaskContext";
    private const string NotImplemented = "throw new global::System.NotImplementedException";

    /// <summary>The types the stubs name, by metadata name: their namespaces get a using when not in scope.</summary>
    private static readonly string[] TypesUsed =
    {
        "System.NotImplementedException", "System.Threading.CancellationToken", "System.Threading.Tasks.ValueTask",
        "AsyncPluginGen.TaskContext",
    };

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingHandler);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Handler, out var role)
                || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration
                || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type)
            {
                continue;
            }

            var stub = role switch
            {
                "Create" => CreateStub(type),
                "Get" when diagnostic.Properties.TryGetValue(DiagnosticProperties.MetaType, out var meta) && !string.IsNullOrEmpty(meta) => GetStub(type, meta!, KnownTypes.From(model.Compilation)),
                "Do" => DoStub(),
                _ => null,
            };
            if (stub is null)
            {
                continue;
            }

            var (name, text, key) = stub.Value;
            context.RegisterCodeFix(
                CodeAction.Create($"Add '{name}' handler stub", ct => AddHandlerAsync(context.Document, declaration, role!, text, ct), key),
                diagnostic);
        }
    }

    private static (string Name, string Text, string Key)? CreateStub(INamedTypeSymbol type)
    {
        // Create returns what Get takes; with no Get yet, a string identifies the remote job well enough to start.
        var get = HandlerParser.Candidates(type, "Get").FirstOrDefault(m => m.Parameters.Length >= 1 && m.Parameters[0].Type.IsUsableTypeArgument());
        var meta = get is null ? "string" : get.Parameters[0].Type.ToTypeName();
        return ("CreateAsync",
            $"public {ValueTask}<{meta}> CreateAsync({TaskContext} task, {CancellationToken} cancellationToken) => {NotImplemented}(\"Start the remote job here; use task.UniqueName as the idempotency key.\");",
            CreateEquivalenceKey);
    }

    private static (string Name, string Text, string Key)? GetStub(INamedTypeSymbol type, string meta, KnownTypes known)
    {
        var resource = InferResource(type, known)?.ToTypeName() ?? "object";
        return ("GetAsync",
            $"public {ValueTask}<{resource}> GetAsync({meta} meta, {CancellationToken} cancellationToken) => {NotImplemented}(\"Fetch the remote job's state here; Status computes the phase from what this returns.\");",
            GetEquivalenceKey);
    }

    private static (string Name, string Text, string Key)? DoStub() =>
        ("DoAsync",
            $"public {ValueTask}<global::AsyncPluginGen.PhaseInfo> DoAsync({TaskContext} task, {CancellationToken} cancellationToken) => {NotImplemented}(\"Run the job here and return its final phase.\");",
            DoEquivalenceKey);

    /// <summary>The resource named by Create's <c>Created&lt;TMeta, TResource&gt;</c>, else by a handwritten Status.</summary>
    private static ITypeSymbol? InferResource(INamedTypeSymbol type, KnownTypes known)
    {
        foreach (var create in HandlerParser.Candidates(type, "Create"))
        {
            if (HandlerParser.ParseCreate(create, known)?.Resource is { } created)
            {
                return created;
            }
        }

        foreach (var status in type.GetMembers("Status").OfType<IMethodSymbol>().Where(m => m.Parameters.Length == 1))
        {
            var parameter = status.Parameters[0].Type;
            var resource = parameter.IsRuntimeType("StatusContext`2") && parameter is INamedTypeSymbol context
                ? context.TypeArguments[1]
                : parameter;
            if (resource.IsUsableTypeArgument())
            {
                return resource;
            }
        }

        return null;
    }

    private static async Task<Document> AddHandlerAsync(Document document, TypeDeclarationSyntax declaration, string role, string text, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Handlers read in their call order: Create before Get, Get after Create; anything else goes last.
        var member = FixSyntax.ParseMember(text);
        var endOfLine = FixSyntax.EndOfLine(root);
        var updated = role switch
        {
            "Create" => FixSyntax.InsertMember(declaration, member, endOfLine, before: FindHandler(declaration, "Get")),
            "Get" => FixSyntax.InsertMember(declaration, member, endOfLine, after: FindHandler(declaration, "Create")),
            _ => FixSyntax.InsertMember(declaration, member, endOfLine),
        };
        var changed = document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
        return await FixSyntax.AddImportsAsync(document, declaration.OpenBraceToken.Span.End, changed, cancellationToken, TypesUsed).ConfigureAwait(false);
    }

    private static MethodDeclarationSyntax? FindHandler(TypeDeclarationSyntax declaration, string name) =>
        declaration.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == name || m.Identifier.ValueText == name + "Async");
}
