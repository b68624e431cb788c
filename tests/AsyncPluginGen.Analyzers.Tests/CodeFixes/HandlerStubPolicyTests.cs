using System.Reflection;
using AsyncPluginGen.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// No code fix writes a handler body it cannot know: a stub Create or Get that throws fails every task at run time,
/// and one that returns a made-up value is worse, so a missing Create, Get or Do (APG0003) has no fix.
/// </summary>
public sealed class HandlerStubPolicyTests
{
    [Fact]
    public void No_code_fix_is_offered_for_a_missing_Create_Get_or_Do()
    {
        var fixable = typeof(AddDeleteHandlerCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToList();

        Assert.DoesNotContain(DiagnosticIds.MissingHandler, fixable);
        Assert.Contains(DiagnosticIds.MissingDelete, fixable);
    }
}
