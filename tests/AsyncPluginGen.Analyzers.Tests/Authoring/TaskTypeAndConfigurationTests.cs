using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0007–APG0009: task types and configuration ranges.</summary>
public sealed class TaskTypeAndConfigurationTests
{
    [Fact]
    public Task Same_task_type_in_two_plugins_is_reported_on_the_second() => Verify.VerifyAsync(
        Plugin.Source(attributes: "[AsyncPlugin(\"shared\")]", declaration: "public sealed partial class A")
        + "[{|#0:AsyncPlugin(\"other\", \"shared\")|}]\npublic sealed partial class B\n{\n" + Plugin.Handlers + "}\n",
        Verify.Diagnostic(Descriptors.DuplicateTaskType).WithLocation(0).WithArguments("shared", "A", "B"));

    [Fact]
    public Task Different_task_types_are_fine() => Verify.VerifyAsync(
        Plugin.Source(attributes: "[AsyncPlugin(\"one\")]", declaration: "public sealed partial class A")
        + "[AsyncPlugin(\"two\")]\npublic sealed partial class B\n{\n" + Plugin.Handlers + "}\n");

    [Theory]
    [InlineData("[{|#1:AsyncPlugin|}]", "declares no task type")]
    [InlineData("[{|#1:AsyncPlugin(\"\")|}]", "declares a null or empty task type")]
    [InlineData("[{|#1:AsyncPlugin(\"  \")|}]", "declares a null or empty task type")]
    [InlineData("[{|#1:AsyncPlugin(\"t\", \"t\")|}]", "lists task type 't' twice")]
    public Task Missing_empty_or_repeated_task_types_are_reported(string attribute, string problem) => Verify.VerifyAsync(
        Plugin.Source(attributes: attribute),
        Verify.Diagnostic(Descriptors.InvalidTaskType).WithLocation(1).WithArguments("P", problem));

    [Theory]
    [InlineData("Caching(Workers = 0)", "[Caching] Workers", "0", "1–10000")]
    [InlineData("Caching(Workers = 10001)", "[Caching] Workers", "10001", "1–10000")]
    [InlineData("Caching(Size = 9)", "[Caching] Size", "9", "10–500000")]
    [InlineData("Caching(Size = 500001)", "[Caching] Size", "500001", "10–500000")]
    [InlineData("Caching(ResyncSeconds = 4)", "[Caching] ResyncSeconds", "4 seconds", "5–3600 seconds")]
    [InlineData("Caching(ResyncSeconds = 3601)", "[Caching] ResyncSeconds", "3601 seconds", "5–3600 seconds")]
    [InlineData("Caching(MaxSystemFailures = -1)", "[Caching] MaxSystemFailures", "-1", "0 or more")]
    [InlineData("RateLimits(ReadBurst = 4)", "[RateLimits] ReadBurst", "4", "5–10000")]
    [InlineData("RateLimits(WriteBurst = 10001)", "[RateLimits] WriteBurst", "10001", "5–10000")]
    [InlineData("RateLimits(ReadQps = 0.5)", "[RateLimits] ReadQps", "0.5", "1–100000")]
    [InlineData("RateLimits(WriteQps = 100001)", "[RateLimits] WriteQps", "100001", "1–100000")]
    [InlineData("ResourceQuota(\"ns\", 0)", "[ResourceQuota] quota", "0", "1 or more")]
    [InlineData("ResourceQuota(\"ns\", 5, ProjectLimit = -1)", "[ResourceQuota] ProjectLimit", "-1", "0 (no cap) or more")]
    public Task Configuration_outside_flytes_ranges_is_reported(string attribute, string what, string value, string range) => Verify.VerifyAsync(
        Plugin.Source(attributes: "[AsyncPlugin(\"t\")]\n[{|#1:" + attribute + "|}]"),
        Verify.Diagnostic(Descriptors.ConfigValueOutOfRange).WithLocation(1).WithArguments(what, value, range));

    [Fact]
    public Task Range_boundaries_are_accepted() => Verify.VerifyAsync(Plugin.Source(attributes: """
        [AsyncPlugin("t")]
        [Caching(Size = 10, ResyncSeconds = 3600, Workers = 10000, MaxSystemFailures = 0)]
        [RateLimits(ReadQps = 1, ReadBurst = 5, WriteQps = 100000, WriteBurst = 10000)]
        [ResourceQuota("ns", 1, ProjectLimit = 0, NamespaceLimit = 3)]
        """));
}
