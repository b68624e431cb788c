using AsyncPluginGen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// <see cref="CodeFixVerifier{TAnalyzer, TCodeFix}"/> with more control: several files, the diagnostics that remain
/// after the fix, and how many times the fix is applied (a fix that enables another fixable diagnostic runs again).
/// </summary>
internal static class FixTest<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Verifies one file: the diagnostics before, the fixed code, and what is still reported after the fix.</summary>
    public static Task VerifyAsync(string source, string fixedSource, DiagnosticResult[] expected, DiagnosticResult[] remaining, int? iterations = null, string? equivalenceKey = null) =>
        VerifyAsync([source], [fixedSource], expected, remaining, iterations, equivalenceKey);

    /// <summary>
    /// Verifies several files (named /0/Test0.cs, /0/Test1.cs, ... as the testing library names them).
    /// </summary>
    public static Task VerifyAsync(string[] sources, string[] fixedSources, DiagnosticResult[] expected, DiagnosticResult[] remaining, int? iterations = null, string? equivalenceKey = null)
    {
        var test = new CodeFixVerifier<TAnalyzer, TCodeFix>.Test { CodeActionEquivalenceKey = equivalenceKey };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var fixedSource in fixedSources)
        {
            test.FixedState.Sources.Add(fixedSource);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        if (iterations is { } count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = count;
        }

        return test.RunAsync();
    }

    /// <summary>Verifies that the diagnostics are reported and that no fix is offered for them.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CodeFixVerifier<TAnalyzer, TCodeFix>.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
