using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>Every rule's severity is configurable in .editorconfig, as for any Roslyn diagnostic.</summary>
public sealed class SeverityConfigurationTests
{
    private static readonly string NoDelete = Plugin.Source(members: Plugin.Create + Plugin.Get);

    [Fact]
    public Task Severity_none_silences_a_rule() =>
        Verify.VerifyAsync([NoDelete], "dotnet_diagnostic.APG0006.severity = none");

    [Fact]
    public Task Pragma_suppresses_a_rule_at_the_class() => Verify.VerifyAsync(
        "#pragma warning disable APG0006\n" + NoDelete);
}
